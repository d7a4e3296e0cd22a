import { describe, expect, it } from "vitest";
import { boundedCache } from "./bounded-cache";

describe("boundedCache", () => {
  it("holds at most its capacity, dropping the least recently used first", () => {
    const cache = boundedCache<string, number>(3);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("d", 4);
    expect(cache.size).toBe(3);
    expect(cache.has("b")).toBe(false);
    expect([...cache.keys()].sort()).toEqual(["a", "c", "d"]);
  });

  it("overwriting an entry does not count it twice", () => {
    const cache = boundedCache<string, number>(2);
    cache.set("a", 1);
    cache.set("a", 2);
    cache.set("b", 3);
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toBe(2);
  });
});
