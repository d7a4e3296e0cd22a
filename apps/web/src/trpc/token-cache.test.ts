import { describe, expect, it } from "vitest";
import { TokenCache } from "./token-cache";

const token = (exp: number) =>
  ["e30", Buffer.from(JSON.stringify({ exp })).toString("base64url"), "signature"].join(".");

describe("the web server's API token cache", () => {
  it("keeps a token until a minute before it expires", () => {
    let now = 1_000_000_000_000;
    const cache = new TokenCache(10, () => now);
    const jwt = token(now / 1000 + 15 * 60);
    expect(cache.set("session:org", jwt)).toBe(jwt);
    expect(cache.get("session:org")).toBe(jwt);
    expect(cache.get("session:other-org")).toBeUndefined();
    now += 14 * 60 * 1000 - 1;
    expect(cache.get("session:org")).toBe(jwt);
    now += 1;
    expect(cache.get("session:org")).toBeUndefined();
    cache.set("session:org", token(now / 1000 + 15 * 60));
    cache.delete("session:org");
    expect(cache.get("session:org")).toBeUndefined();
  });

  it("does not keep a token about to expire, or one it cannot read", () => {
    const now = 1_000_000_000_000;
    const cache = new TokenCache(10, () => now);
    cache.set("a", token(now / 1000 + 30));
    cache.set("b", "not-a-jwt");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeUndefined();
  });

  it("holds at most its size, dropping the oldest", () => {
    const now = 1_000_000_000_000;
    const cache = new TokenCache(2, () => now);
    const jwt = token(now / 1000 + 900);
    cache.set("a", jwt);
    cache.set("b", jwt);
    cache.set("c", jwt);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBe(jwt);
    expect(cache.get("c")).toBe(jwt);
  });
});
