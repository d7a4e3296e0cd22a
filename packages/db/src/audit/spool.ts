// A local append-only file of audit events not yet in Postgres, so that queued events
// (sign-ins, sign-outs: reads that must not wait for a database write) survive a crash
// of the process: each is appended (one write, no fsync, no database) before the answer;
// the file is emptied once every event in it is written; a new process replays it.
// One process per file: a lock file (holding its pid) keeps a second one out while the
// first lives, and lets the next start take over from a dead one.
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { AuditInput } from "./chain";

/**
 * An event as spooled: its id makes a replay idempotent (an event already written is
 * skipped), its time is when it happened (not when Postgres got it).
 */
export type SpooledEvent = AuditInput & { id: string; at: string };

export class SpoolLocked extends Error {
  override readonly name = "SpoolLocked";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes `path`.lock for this process; SpoolLocked while another live process holds it. */
function lock(path: string): string {
  const file = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8"));
      if (holder === process.pid || (Number.isInteger(holder) && holder > 0 && alive(holder))) {
        throw new SpoolLocked(`${path} is in use by process ${holder}`);
      }
      rmSync(file, { force: true }); // left by a process that died: take over
    }
  }
  throw new SpoolLocked(`${path}: could not take its lock`);
}

export class AuditSpool {
  private readonly fd: number;
  private readonly lockFile: string;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.lockFile = lock(path);
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

  /** Releases the file (its events stay in it for the next process). */
  close(): void {
    closeSync(this.fd);
    rmSync(this.lockFile, { force: true });
  }
}
