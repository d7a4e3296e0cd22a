// API keys are verified in-process and cached: a warm key costs no call into
// Better Auth (so no database read or write), and a revoked key stops working
// once the cache TTL passes.
import { createApiKeyService, personalOrganizationId, revokeKey } from "@acme/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, bearer, call } from "./testing/http";
import { callTrpc } from "./testing/procedures";
import { startRedisProcess } from "./testing/redis-process";

describe("API key cache", () => {
  let h: Harness;
  beforeAll(async () => {
    // A 3 s TTL: the warm calls below fit in it even on a loaded machine (at 1 s, one CI run
    // took long enough between the first call and the loop for the entry to expire).
    h = await startHarness({ env: { API_KEY_CACHE_TTL_SECONDS: "3", API_KEY_NEGATIVE_CACHE_TTL_SECONDS: "1" } });
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
    const warmSince = Date.now();
    const afterFirst = await lastRequest();
    // Warm calls, all well inside the TTL (a loaded CI machine once took longer than a
    // second for 19 calls, and the entry rightly expired mid-loop).
    let warm = 0;
    while (warm < 19 && Date.now() - warmSince < 500) {
      expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(200);
      warm += 1;
    }
    expect(warm).toBeGreaterThanOrEqual(1);
    expect(cache.misses - misses).toBe(1);
    // Better Auth records each verification; warm calls never reached it.
    expect(await lastRequest()).toBe(afterFirst);

    expect(await revokeKey(h.auth.db, created.id, personalOrganizationId(user.userId))).toBe("revoked");
    // Within the TTL the cached answer stands (the documented trade-off)...
    expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
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

describe("API key revocation across instances", () => {
  it("reaches every instance on one Redis within a second, well inside the cache TTL", async () => {
    const redis = await startRedisProcess();
    const env = { REDIS_URL: redis.url, API_KEY_CACHE_TTL_SECONDS: "300" };
    const one = await startHarness({ env });
    const two = await startHarness({ env, database: one.database, s3: one.s3 });
    try {
      const { token, userId } = await one.user();
      const created = await createApiKeyService(one.auth.auth).create(userId, { name: "k", scopes: ["tasks:read"] });
      // Both instances hold the key as valid in their caches.
      for (const instance of [one, two]) {
        expect((await call(`${instance.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(200);
      }
      const revoked = await callTrpc(one.url, "apiKeys.revoke", "mutation", { id: created.id }, bearer(token));
      expect(revoked.status).toBe(200);
      const started = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - started < 1_000) {
        status = (await call(`${two.url}/api/v1/me`, { headers: apiKey(created.key) })).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(status).toBe(401);
      expect((await call(`${one.url}/api/v1/me`, { headers: apiKey(created.key) })).status).toBe(401);
    } finally {
      await two.stop();
      await one.stop();
      await redis.stop();
    }
  });
});
