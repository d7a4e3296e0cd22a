// The gate on its own: turns up to the limit, the rest in arrival order, a turn
// given back once however often it is returned, a waiter whose client leaves
// dropped at once, one that waits too long turned away, and all turned away on drain.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { Call } from "./call";
import { Gate } from "./gate";

/** A Call over a stand-in response: an emitter with `destroyed`, like node's. */
const call = (id: string) => {
  const res = Object.assign(new EventEmitter(), { destroyed: false });
  return new Call({ headers: {} } as never, res as never, id, "127.0.0.1", "GET", "/x", "", undefined);
};

function setup(limit: number, maxWaitMs = 60_000) {
  const abandoned: string[] = [];
  const expired: string[] = [];
  const gate = new Gate(limit, maxWaitMs, {
    abandoned: (c) => abandoned.push(c.requestId),
    expired: (c) => expired.push(c.requestId),
  });
  return { gate, abandoned, expired };
}

describe("Gate", () => {
  it("admits up to its limit at once and the rest in arrival order as turns come back", async () => {
    const { gate, abandoned, expired } = setup(2);
    const [a, b, c, d] = ["a", "b", "c", "d"].map(call) as [Call, Call, Call, Call];
    expect(gate.enter(a)).toBe(true);
    expect(gate.enter(b)).toBe(true);
    const order: string[] = [];
    const waitC = (gate.enter(c) as Promise<boolean>).then((ok) => order.push(`c:${ok}`));
    const waitD = (gate.enter(d) as Promise<boolean>).then((ok) => order.push(`d:${ok}`));
    expect(gate.load).toEqual({ active: 2, waiting: 2 });

    gate.leave(b);
    gate.leave(b); // a second return of the same turn frees nothing more
    await waitC;
    expect(order).toEqual(["c:true"]);
    expect(gate.load).toEqual({ active: 2, waiting: 1 });
    gate.leave(a);
    await waitD;
    expect(order).toEqual(["c:true", "d:true"]);
    gate.leave(c);
    gate.leave(d);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
    expect([abandoned, expired]).toEqual([[], []]);
  });

  it("drops a waiter as soon as its client goes away, and gives the next turn to the one after it", async () => {
    const { gate, abandoned } = setup(1);
    const [a, gone, next] = ["a", "gone", "next"].map(call) as [Call, Call, Call];
    gate.enter(a);
    const waitGone = gate.enter(gone) as Promise<boolean>;
    const waitNext = gate.enter(next) as Promise<boolean>;
    gone.res.emit("close");
    expect(await waitGone).toBe(false);
    expect(abandoned).toEqual(["gone"]);
    expect(gate.load).toEqual({ active: 1, waiting: 1 });
    gate.leave(a);
    expect(await waitNext).toBe(true);
    expect(gone.holdsTurn).toBe(false);
    expect([gone, next].map((w) => w.res.listenerCount("close"))).toEqual([0, 0]);
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
  });

  it("turns away each waiter when its own wait passes maxWaitMs, oldest first", async () => {
    const { gate, expired } = setup(1, 40);
    const [a, late, later] = ["a", "late", "later"].map(call) as [Call, Call, Call];
    gate.enter(a);
    const first = gate.enter(late) as Promise<boolean>;
    await new Promise((resolve) => setTimeout(resolve, 20)); // the second arrives half a wait later
    const second = gate.enter(later) as Promise<boolean>;
    expect(await first).toBe(false);
    expect(expired).toEqual(["late"]);
    expect(gate.load).toEqual({ active: 1, waiting: 1 }); // the later one still has time
    expect(await second).toBe(false);
    expect(expired).toEqual(["late", "later"]);
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
    expect([late, later].map((c) => c.res.listenerCount("close"))).toEqual([0, 0]);
    gate.leave(a);
    expect(gate.enter(call("next"))).toBe(true); // the turns the expired waiters never took are free
  });

  it("turns every waiter away on drain, and refuses a waiter whose client is already gone", async () => {
    const { gate, expired, abandoned } = setup(1);
    const [a, b, c, gone] = ["a", "b", "c", "gone"].map(call) as [Call, Call, Call, Call];
    gate.enter(a);
    const waits = [gate.enter(b), gate.enter(c)];
    gate.drain();
    expect(await Promise.all(waits)).toEqual([false, false]);
    expect(expired).toEqual(["b", "c"]);
    expect([b, c].map((w) => w.res.listenerCount("close"))).toEqual([0, 0]);
    (gone.res as unknown as { destroyed: boolean }).destroyed = true;
    expect(await gate.enter(gone)).toBe(false);
    expect(abandoned).toEqual(["gone"]);
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
  });
});
