// The gate on its own: turns up to the limit, the rest in arrival order, a turn
// given back once however often it is returned, and a waiter whose client left
// never run.
import { describe, expect, it } from "vitest";
import { Call } from "./call";
import { Gate } from "./gate";

const call = (id: string) => {
  const res = { destroyed: false };
  return new Call({ headers: {} } as never, res as never, id, "127.0.0.1", "GET", "/x", "", undefined);
};

describe("Gate", () => {
  it("admits up to its limit at once and the rest in arrival order as turns come back", async () => {
    const abandoned: string[] = [];
    const gate = new Gate(2, (c) => abandoned.push(c.requestId));
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
    expect(abandoned).toEqual([]);
  });

  it("skips a waiter whose client went away and gives its turn to the next", async () => {
    const abandoned: string[] = [];
    const gate = new Gate(1, (c) => abandoned.push(c.requestId));
    const [a, gone, next] = ["a", "gone", "next"].map(call) as [Call, Call, Call];
    gate.enter(a);
    const waitGone = gate.enter(gone) as Promise<boolean>;
    const waitNext = gate.enter(next) as Promise<boolean>;
    (gone.res as { destroyed: boolean }).destroyed = true;
    gate.leave(a);
    expect(await waitGone).toBe(false);
    expect(await waitNext).toBe(true);
    expect(abandoned).toEqual(["gone"]);
    expect(gone.holdsTurn).toBe(false);
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
  });
});
