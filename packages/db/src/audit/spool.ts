// A local append-only file of audit events not yet in Postgres, so that queued events
// (sign-ins, sign-outs: reads that must not wait for a database write) survive a crash
// of the process: each is appended (one write, no fsync, no database) before the answer;
// the file is emptied once every event in it is written; a new process replays it.
// One file per process: instances never share one.
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { AuditInput } from "./chain";

/** An event as spooled: its id makes a replay idempotent (an event already written is skipped). */
export type SpooledEvent = AuditInput & { id: string };

export class AuditSpool {
  private readonly fd: number;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    // "a": every write lands at the end, even after the file was emptied.
    this.fd = openSync(path, "a", 0o600);
  }

  append(event: SpooledEvent): void {
    writeSync(this.fd, `${JSON.stringify(event)}\n`);
  }

  /** The events left by an earlier process; a line torn by a crash mid-write is skipped. */
  read(): SpooledEvent[] {
    const events: SpooledEvent[] = [];
    for (const line of readFileSync(this.path, "utf8").split("\n")) {
      if (!line) continue;
      try {
        const event = JSON.parse(line) as SpooledEvent;
        if (typeof event.id === "string" && typeof event.action === "string") events.push(event);
      } catch {
        // torn
      }
    }
    return events;
  }

  clear(): void {
    ftruncateSync(this.fd, 0);
  }

  close(): void {
    closeSync(this.fd);
  }
}
