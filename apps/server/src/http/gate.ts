// At most `limit` requests do their work (procedures, database, storage) at once;
// the others wait their turn in arrival order, holding their Call (and body) but no
// context, middleware chain or query yet. Without it, requests under load waited in
// the database pool's queue with all of that built, lived long enough to be promoted
// to V8's old generation, and the collector spent more time than the work
// (bench/README.md: tasks.list at 64 connections promoted 30 KB a request without a
// gate, 6 KB with one). Reading a body, sending a download and the health probes take
// no turn. A waiter whose client leaves is dropped at once; one that waits longer than
// `maxWaitMs` (a dependency that stopped answering holds every turn) is turned away.
import type { Call } from "./call";

interface Waiter {
  call: Call;
  since: number;
  /** false once admitted or dropped: a dropped waiter stays in the queue until it reaches the head. */
  queued: boolean;
  admit: (ok: boolean) => void;
  onClose: () => void;
}

export interface GateEvents {
  /** A waiter whose client went away: never run, only logged. */
  abandoned(call: Call): void;
  /** A waiter that waited `maxWaitMs` without a turn: answered (503), never run. */
  expired(call: Call): void;
}

export class Gate {
  private active = 0;
  /** Waiters oldest first from `head` on (a queue without shift's copies); dropped ones are skipped. */
  private queue: (Waiter | null)[] = [];
  private head = 0;
  private waiting = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly limit: number,
    readonly maxWaitMs: number,
    private readonly events: GateEvents,
  ) {}

  /** true at once when a turn is free (no promise); else resolves true with a turn, false when dropped. */
  enter(call: Call): true | Promise<boolean> {
    if (this.active < this.limit) {
      this.take(call);
      return true;
    }
    if (call.res.destroyed) {
      this.events.abandoned(call);
      return Promise.resolve(false);
    }
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        call,
        since: performance.now(),
        queued: true,
        admit: resolve,
        onClose: () => this.drop(waiter, "abandoned"),
      };
      call.res.once("close", waiter.onClose);
      this.queue.push(waiter);
      this.waiting++;
      this.timer ??= setTimeout(this.expire, this.maxWaitMs).unref();
    });
  }

  /** Gives `call`'s turn to the next waiter; does nothing when it holds none (safe to call twice). */
  leave(call: Call): void {
    if (!call.holdsTurn) return;
    call.holdsTurn = false;
    this.active--;
    while (this.active < this.limit && this.waiting > 0) {
      const next = this.shift();
      this.take(next.call);
      next.admit(true);
    }
  }

  /** Turns away every waiter (shutting down): each is answered as expired. */
  drain(): void {
    while (this.waiting > 0) this.drop(this.shift(), "expired");
  }

  /** Requests doing their work now, and waiting for a turn. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting };
  }

  private take(call: Call): void {
    this.active++;
    call.holdsTurn = true;
  }

  /** The oldest waiter still queued (the caller knows there is one: `waiting` > 0). */
  private oldest(): Waiter {
    let waiter = this.queue[this.head];
    while (!waiter?.queued) waiter = this.queue[++this.head];
    return waiter;
  }

  /** The oldest waiter, out of the queue. */
  private shift(): Waiter {
    const waiter = this.oldest();
    this.queue[this.head++] = null;
    this.unqueue(waiter);
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return waiter;
  }

  private unqueue(waiter: Waiter): void {
    if (!waiter.queued) return;
    waiter.queued = false;
    waiter.call.res.off("close", waiter.onClose);
    if (--this.waiting === 0) {
      // Nobody left in line: let go of the dropped waiters still in the array.
      this.queue = [];
      this.head = 0;
    }
  }

  /** Turns a waiter away; it stays in the array, skipped, until it reaches the head (no search). */
  private drop(waiter: Waiter, why: keyof GateEvents): void {
    this.unqueue(waiter);
    waiter.admit(false);
    this.events[why](waiter.call);
  }

  /** Turns away the waiters older than `maxWaitMs`, then sleeps until the next one would be. */
  private readonly expire = (): void => {
    this.timer = null;
    const now = performance.now();
    while (this.waiting > 0) {
      const oldest = this.oldest();
      const left = oldest.since + this.maxWaitMs - now;
      if (left > 0) {
        this.timer = setTimeout(this.expire, left).unref();
        return;
      }
      this.drop(this.shift(), "expired");
    }
  };
}
