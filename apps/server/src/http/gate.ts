// At most `limit` requests do their work (procedures, database, storage) at once;
// the others wait their turn in arrival order. A request waiting here holds only
// node's own request and response objects: under load, requests otherwise wait
// in the database pool's queue with their context, middleware chain and query
// already built, live long enough to be promoted to V8's old generation, and the
// collector then spends more time than the work (bench/README.md: tasks.list at
// 64 connections promoted 30 KB a request without a gate, 6 KB with one).
// Only the work takes a turn: reading a body, a slow client's download, and the
// health probes do not.
import type { Call } from "./call";

export class Gate {
  private active = 0;
  /** Callers waiting for a turn, oldest first, from `head` on (a queue without shift's copies). */
  private waiting: (() => void)[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    /** A request whose client went away while it waited: never run, only logged. */
    private readonly onAbandoned: (call: Call) => void,
  ) {}

  /** Resolves when `call` may do its work (at once when a turn is free); false when its client went away meanwhile. */
  enter(call: Call): true | Promise<boolean> {
    if (this.active < this.limit) {
      this.active++;
      call.holdsTurn = true;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      this.waiting.push(() => {
        if (call.res.destroyed) {
          this.onAbandoned(call);
          return resolve(false);
        }
        this.active++;
        call.holdsTurn = true;
        resolve(true);
      });
    });
  }

  /** Gives `call`'s turn to the next waiting request; does nothing when it holds none (safe to call twice). */
  leave(call: Call): void {
    if (!call.holdsTurn) return;
    call.holdsTurn = false;
    this.active--;
    while (this.active < this.limit && this.head < this.waiting.length) {
      const next = this.waiting[this.head] as () => void;
      this.waiting[this.head++] = noop;
      next();
    }
    if (this.head === this.waiting.length) {
      this.waiting = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
  }

  /** Requests doing their work now, and waiting for a turn. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length - this.head };
  }
}

function noop(): void {}
