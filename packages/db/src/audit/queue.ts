// Audit events for requests that must not wait for them (sign-in is a read of the
// account, not a change to it): kept in memory and written shortly after the
// answer, retried with backoff; close() writes what is left. A crash (or a stop
// without close) loses what was not yet written: about the last 100 ms of events.
import type { Db } from "../client";
import type { AuditInput } from "./chain";
import { recordAudit } from "./record";

const MAX_ATTEMPTS = 5;
/** Past this many unwritten events (the database is down), the oldest are dropped, with a warning. */
const MAX_PENDING = 10_000;

export class AuditQueue {
  private pending: { input: AuditInput; attempts: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly warn: (message: string) => void,
    private readonly delayMs = 100,
  ) {}

  push(input: AuditInput): void {
    this.pending.push({ input, attempts: 0 });
    if (this.pending.length > MAX_PENDING) {
      this.pending.splice(0, this.pending.length - MAX_PENDING);
      this.warn(`audit: more than ${MAX_PENDING} events waiting; the oldest were dropped`);
    }
    this.schedule(this.delayMs);
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
    this.timer.unref();
  }

  /** Writes everything queued; events that fail are retried later (up to 5 times). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async write(batch: { input: AuditInput; attempts: number }[]): Promise<void> {
    const failed: typeof batch = [];
    for (const item of batch) {
      try {
        await recordAudit(this.db, item.input);
      } catch (error) {
        if (item.attempts + 1 < MAX_ATTEMPTS) failed.push({ ...item, attempts: item.attempts + 1 });
        else
          this.warn(
            `audit: event ${item.input.action} dropped after ${MAX_ATTEMPTS} attempts: ${(error as Error).message}`,
          );
      }
    }
    if (failed.length > 0) {
      this.pending.unshift(...failed);
      this.schedule(this.delayMs * 2 ** Math.min(...failed.map((f) => f.attempts)));
    }
  }

  /** Stops the timer and writes what is left (on shutdown). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
