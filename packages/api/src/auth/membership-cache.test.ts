import { describe, expect, it } from "vitest";
import { MembershipCache } from "./membership-cache";

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("membership cache", () => {
  it("serves a warm role without a lookup, and looks up again after forget", async () => {
    let role: string | null = "admin";
    const cache = new MembershipCache({ ttlMs: 60_000, lookup: async () => role });
    expect(await cache.role("o", "u")).toBe("admin");
    role = "viewer";
    expect(await cache.role("o", "u")).toBe("admin");
    expect(cache.misses).toBe(1);
    cache.forget("o", "u");
    expect(await cache.role("o", "u")).toBe("viewer");
    expect(cache.misses).toBe(2);
  });

  it("does not store an answer read before a removal that arrived while it was in flight", async () => {
    const answers = [deferred<string | null>(), deferred<string | null>()];
    let call = 0;
    const cache = new MembershipCache({
      ttlMs: 60_000,
      lookup: () => answers[call++]?.promise ?? Promise.resolve(null),
    });
    const stale = cache.role("o", "u");
    cache.forget("o", "u"); // the member was removed while Postgres was answering
    answers[0]?.resolve("member");
    expect(await stale).toBe("member"); // that request saw the old state...
    const fresh = cache.role("o", "u"); // ...but the next one asks again
    answers[1]?.resolve(null);
    expect(await fresh).toBeNull();
    expect(call).toBe(2);
  });

  it("drops a whole organization", async () => {
    const cache = new MembershipCache({ ttlMs: 60_000, lookup: async (org, user) => `${org}:${user}` });
    await cache.role("a", "1");
    await cache.role("b", "1");
    cache.forgetOrganization("a");
    await cache.role("a", "1");
    await cache.role("b", "1");
    expect(cache.misses).toBe(3);
  });
});
