import { describe, expect, it } from "vitest";
import { lazy } from "./lazy";

describe("lazy", () => {
  it("loads once for every caller, and not before the first", async () => {
    let loads = 0;
    const value = lazy(async () => ++loads);
    expect(value.peek()).toBeNull();
    expect(loads).toBe(0);
    expect(await Promise.all([value.get(), value.get()])).toEqual([1, 1]);
    expect(await value.get()).toBe(1);
    expect(await value.peek()).toBe(1);
    expect(loads).toBe(1);
  });

  it("forgets a failed load: the callers waiting on it see the error, the next caller loads again", async () => {
    let loads = 0;
    const value = lazy(async () => {
      loads++;
      if (loads === 1) throw new Error("down");
      return "up";
    });
    const [first, second] = await Promise.allSettled([value.get(), value.get()]);
    expect(first).toMatchObject({ status: "rejected", reason: new Error("down") });
    expect(second).toMatchObject({ status: "rejected", reason: new Error("down") });
    expect(value.peek()).toBeNull();
    expect(await value.get()).toBe("up");
    expect(loads).toBe(2);
  });

  it("treats a load that throws before returning a promise as a failed load", async () => {
    let loads = 0;
    const value = lazy((): Promise<number> => {
      loads++;
      if (loads === 1) throw new Error("at once");
      return Promise.resolve(loads);
    });
    await expect(value.get()).rejects.toThrow("at once");
    expect(await value.get()).toBe(2);
  });
});
