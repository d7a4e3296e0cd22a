// API keys are verified in-process and cached: a warm key costs no call into
// Better Auth (so no database read or write), and a revoked key stops working
// once the cache TTL passes.
import { createApiKeyService, revokeKeyOfUser } from "@acme/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, call } from "./testing/http";

describe("API key cache", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { API_KEY_CACHE_TTL_SECONDS: "1", API_KEY_NEGATIVE_CACHE_TTL_SECONDS: "1" } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("serves a warm key from the cache, and refuses it after revocation once the TTL passes", async () => {
    const user = await h.user();
    const keys = createApiKeyService(h.auth.auth);
    const created = await keys.create(user.userId, { name: "cached", scopes: ["tasks:read"] });
    const cache = h.api.built.deps.apiKeys;

    const lastRequest = async () =>
      (await h.auth.db.apikey.findUniqueOrThrow({ where: { id: created.id } })).lastRequest?.getTime();
    const misses = cache.misses;
    expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(200);
    const afterFirst = await lastRequest();
    for (let i = 0; i < 19; i++) {
      expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(200);
    }
    expect(cache.misses - misses).toBe(1);
    // Better Auth records each verification; warm calls never reached it.
    expect(await lastRequest()).toBe(afterFirst);

    expect(await revokeKeyOfUser(h.auth.db, user.userId, created.id)).toBe(true);
    // Within the TTL the cached answer stands (the documented trade-off)...
    expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // ...and after it the key is refused.
    expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(401);
  });

  it("caches refusals briefly, so a flood of bad keys reaches the database once per key", async () => {
    const cache = h.api.built.deps.apiKeys;
    const misses = cache.misses;
    const replies = await Promise.all(
      Array.from({ length: 30 }, () =>
        call(`${h.url}/api/v1/me`, { headers: apiKey("sk_definitely_not_a_key_0000000000") }),
      ),
    );
    expect(replies.every((reply) => reply.status === 401)).toBe(true);
    expect(cache.misses - misses).toBe(1);
  });
});
