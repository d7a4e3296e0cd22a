import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { fastSerialize, fastSerializeText, isoString } from "./fast-serialize";
import { serializedOutput, transformer } from "./index";

/** A small seeded generator (mulberry32), so a failure names a reproducible seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  "constructor",
  "id",
  "title",
  "a.b",
  "back\\slash",
  "createdAt",
  "items",
  "0",
  "ünï",
  "x y",
  "",
  'q"uote',
  "tab\t",
  "\u2028",
];

class Point {
  constructor(public x = 1) {}
}

function generate(rand: () => number, depth: number, pool: object[]): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 8 : 16));
  switch (pick) {
    case 0:
      return `s${Math.floor(rand() * 100)}`;
    case 1:
      return Math.floor(rand() * 1000) - 500;
    case 2:
      return rand() > 0.5;
    case 3:
      return null;
    case 4:
      return new Date(1_700_000_000_000 + Math.floor(rand() * 1e10));
    case 5:
      return rand() * 10;
    case 6:
      return [1.5, "x", true][Math.floor(rand() * 3)];
    case 7: // rare values superjson annotates
      return [undefined, Number.NaN, -0, Number.POSITIVE_INFINITY, 10n, new Date(Number.NaN)][Math.floor(rand() * 6)];
    case 8:
      return new Map([["k", 1]]);
    case 9:
      return new Set([1, 2]);
    case 10:
      return pool.length > 0 && rand() > 0.5 ? pool[Math.floor(rand() * pool.length)] : new Point();
    case 11: {
      const sparse: unknown[] = [];
      sparse[2] = 1;
      return rand() > 0.5 ? sparse : Object.assign(Object.create(null), { a: 1 });
    }
    default: {
      if (rand() > 0.5) {
        const list = Array.from({ length: Math.floor(rand() * 4) }, () => generate(rand, depth + 1, pool));
        pool.push(list);
        return list;
      }
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 4); i > 0; i--) {
        object[KEYS[Math.floor(rand() * KEYS.length)] as string] = generate(rand, depth + 1, pool);
      }
      pool.push(object);
      return object;
    }
  }
}

const page = () => ({
  items: Array.from({ length: 20 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    title: `Task ${i}`,
    description: i % 3 ? null : "some words",
    status: "TODO",
    createdAt: new Date(1_700_000_000_000 + i),
    updatedAt: new Date(1_700_000_500_000 + i),
  })),
  total: 50,
  page: 1,
  pageSize: 20,
  totalPages: 3,
});

/** The JSON text, or the error message when serializing throws (superjson refuses some keys). */
function outcome(serialize: () => unknown): string {
  try {
    return JSON.stringify(serialize());
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

describe("isoString", () => {
  it("writes what toISOString writes, across days, years, epochs and milliseconds", () => {
    const rand = random(7);
    const dates = [
      0, -1, 1, 86_399_999, 86_400_000, -86_400_001, 253_402_300_799_999, 253_402_300_800_000, -62_198_755_200_001,
      8.64e15, -8.64e15,
    ];
    for (let i = 0; i < 20_000; i++) dates.push(Math.floor((rand() - 0.3) * 4e12));
    for (const ms of dates) expect(isoString(new Date(ms))).toBe(new Date(ms).toISOString());
  });
});

describe("fastSerialize", () => {
  it("takes the fast path for a page of tasks and writes superjson's exact bytes", () => {
    const value = page();
    const fast = fastSerialize(value);
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(superjson.serialize(value)));
    expect(superjson.deserialize(JSON.parse(JSON.stringify(fast)))).toEqual(value);
    expect(fastSerializeText(value)).toBe(JSON.stringify(superjson.serialize(value)));
  });

  it("takes the fast path for plain values and a Date at the root", () => {
    for (const value of [{ a: 1 }, [1, "x"], "text", 3, true, null, new Date(0), { nested: [{ at: new Date(5) }] }]) {
      const fast = fastSerialize(value);
      expect(fast).toBeDefined();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(superjson.serialize(value)));
      expect(fastSerializeText(value)).toBe(JSON.stringify(superjson.serialize(value)));
    }
  });

  it("lists a Date directly under the root first when its key is an array index, as superjson's object does", () => {
    const cases: unknown[] = [
      [{ at: new Date(1) }, new Date(2)],
      { "0": { x: new Date(1) }, "1": new Date(2) },
      { b: new Date(1), "10": new Date(2), a: { "2": [1] }, "3": new Date(3) },
      { "01": new Date(1), x: { at: new Date(2) }, "1": new Date(3) },
    ];
    for (const value of cases) {
      expect(fastSerializeText(value)).toBe(JSON.stringify(superjson.serialize(value)));
      expect(JSON.stringify(fastSerialize(value))).toBe(JSON.stringify(superjson.serialize(value)));
    }
  });

  it("reads each value once, as superjson does: a getter with a side effect writes what superjson writes", () => {
    const counting = () => {
      let reads = 0;
      const list = [1, 2];
      Object.defineProperty(list, 0, { get: () => reads++, enumerable: true });
      return {
        get x() {
          return reads++;
        },
        at: new Date(0),
        nested: {
          get y() {
            return reads++;
          },
        },
        list,
      };
    };
    const expected = JSON.stringify(superjson.serialize(counting()));
    expect(fastSerializeText(counting())).toBe(expected);
    expect(JSON.stringify(fastSerialize(counting()))).toBe(expected);
  });

  it("leaves to superjson what it annotates beyond Dates", () => {
    const shared = new Date(0);
    const cases: unknown[] = [
      { a: undefined },
      { n: Number.NaN },
      { n: -0 },
      { b: 1n },
      { m: new Map() },
      { "a.b": new Date(0) },
      { twice: [shared, shared] },
      { bad: new Date(Number.NaN) },
      { nested: [new Date(5)] }, // superjson lists index-like leaves of a level first
      new Point(),
      undefined,
    ];
    for (const value of cases) {
      expect(fastSerialize(value)).toBeUndefined();
      expect(fastSerializeText(value)).toBeUndefined();
    }
  });

  it("matches superjson byte for byte on 5,000 generated values", () => {
    const CASES = 5_000;
    const rand = random(20261126);
    let fastTaken = 0;
    for (let i = 0; i < CASES; i++) {
      const value = generate(rand, 0, []);
      const expected = outcome(() => superjson.serialize(value));
      const actual = outcome(() => transformer.output.serialize(value));
      if (actual !== expected) throw new Error(`case ${i} differs:\n${actual}\n${expected}`);
      // The text the server writes: the same bytes, whichever path wrote them.
      let text: string;
      try {
        text = serializedOutput(value);
      } catch (error) {
        text = `throws: ${(error as Error).message}`;
      }
      if (text !== expected) throw new Error(`case ${i}'s text differs:\n${text}\n${expected}`);
      if (fastSerialize(value)) fastTaken++;
      expect(fastSerializeText(value) === undefined).toBe(fastSerialize(value) === undefined);
    }
    // Both paths were exercised.
    expect(fastTaken).toBeGreaterThan(CASES / 5);
    expect(fastTaken).toBeLessThan(CASES);
  });
});
