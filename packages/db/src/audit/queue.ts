// Audit events for requests that must not wait for them (sign-in is a read of the
// account, not a change to it): written shortly after the answer, retried with backoff;
// close() writes what is left. With a spool (a local file), each event is appended to
// it before the answer and a crash loses nothing: the next process replays the file,
// and an event written before the crash is not written again (its id). Without one,
// a crash loses the last ~100 ms of events.
import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import type { AuditInput } from "./chain";
import { recordAuditOnce } from "./record";
import type { AuditSpool, SpooledEvent } from "./spool";

/** Without a spool, attempts per event; with one, events are retried until written. */
const MAX_ATTEMPTS = 5;
const MAX_BACKOFF_MS = 30_000;
/** Past this many unwritten events in memory (the database is down), the oldest are dropped, with a warning. */
const MAX_PENDING = 100_000;

interface Pending {
  event: SpooledEvent;
  attempts: number;
}

export class AuditQueue {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  /** True once events were dropped from memory: the spool then keeps them until a restart replays it. */
  private dropped = false;

  constructor(
    private readonly db: Db,
    private readonly warn: (message: string) => void,
    private readonly delayMs = 100,
    private readonly spool?: AuditSpool,
  ) {
    const left = spool?.read() ?? [];
    if (left.length > 0) {
      this.pending = left.map((event) => ({ event, attempts: 0 }));
      this.warn(`audit: replaying ${left.length} events spooled by an earlier process`);
      this.schedule(0);
    }
  }

  push(input: AuditInput): void {
    const event = { ...input, id: randomUUID(), at: new Date().toISOString() };
    try {
      this.spool?.append(event);
    } catch (error) {
      // A full disk must not fail the sign-in: the event still goes to Postgres from memory.
      this.warn(`audit: could not spool ${event.action}: ${(error as Error).message}`);
    }
    this.pending.push({ event, attempts: 0 });
    if (this.pending.length > MAX_PENDING) {
      this.pending.splice(0, this.pending.length - MAX_PENDING);
      this.dropped = true;
      this.warn(
        `audit: more than ${MAX_PENDING} events waiting; the oldest left memory${this.spool ? " (kept in the spool until a restart)" : " and are lost"}`,
      );
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

  /** Writes everything queued; events that fail are retried later. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async write(batch: Pending[]): Promise<void> {
    const failed: Pending[] = [];
    for (const item of batch) {
      try {
        await recordAuditOnce(this.db, item.event);
      } catch (error) {
        if (this.spool || item.attempts + 1 < MAX_ATTEMPTS) failed.push({ ...item, attempts: item.attempts + 1 });
        else
          this.warn(
            `audit: event ${item.event.action} dropped after ${MAX_ATTEMPTS} attempts: ${(error as Error).message}`,
          );
      }
    }
    if (failed.length > 0) {
      this.pending.unshift(...failed);
      const attempts = Math.min(...failed.map((f) => f.attempts));
      this.schedule(Math.min(this.delayMs * 2 ** attempts, MAX_BACKOFF_MS));
    } else if (this.pending.length === 0 && !this.dropped) {
      // Everything appended so far is in Postgres (nothing was pushed meanwhile).
      this.spool?.clear();
    }
  }

  /**
   * Stops the timer and writes what is left (on shutdown); the spool keeps anything not
   * written, for the next process. Its file stays open: another user of this queue in
   * the process may still push.
   */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
