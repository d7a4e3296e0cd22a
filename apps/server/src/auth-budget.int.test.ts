// Abuse is cut before it costs: every request spends from a per-IP budget before
// any credential is looked at, and failed authentications have a tight budget of
// their own, so a flood of bogus keys or forged tokens reaches neither Postgres nor
// Ed25519 beyond it. Each refused key is logged once, at warn, never at error.
import { randomBytes } from "node:crypto";
import { createApiKeyService } from "@acme/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContract } from "./testing/contract";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, bearer, call } from "./testing/http";

const BUDGET = 30;

async function flood(seconds: number, concurrency: number, send: () => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) statuses.push(await send());
    }),
  );
  return statuses;
}

describe("abuse before cost", () => {
  let h: Harness;
  beforeAll(async () => {
    // The per-IP request limits are lifted here so that only the failure budget answers the flood.
    h = await startHarness({
      env: {
        AUTH_FAILURE_LIMIT_POINTS: String(BUDGET),
        PREAUTH_RATE_LIMIT_POINTS: "0",
        RATE_LIMIT_READ_POINTS: "1000000",
        API_KEY_NEGATIVE_CACHE_TTL_SECONDS: "1",
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("a 10 s flood of random API keys from one IP costs at most the budget in database lookups", async () => {
    const { userId } = await h.user();
    const good = await createApiKeyService(h.auth.auth).create(userId, { name: "good", scopes: ["tasks:read"] });
    expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(good.key) })).status).toBe(200);

    const cache = h.api.built.deps.apiKeys;
    const lookups = cache.misses;
    const logStart = h.logs.length;
    const statuses = await flood(10, 16, async () => {
      const key = `sk_${randomBytes(24).toString("base64url")}`;
      return (await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key) })).status;
    });
    expect(cache.misses - lookups).toBeLessThanOrEqual(BUDGET);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(BUDGET);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(statuses.length / 2);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);

    // Logged once per refused key at warn, with a reason; never at error, never the key.
    const lines = h.logs.slice(logStart).map((line) => JSON.parse(line));
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    const warns = lines.filter((line) => line.level === 40);
    expect(warns.length).toBe(statuses.filter((status) => status === 401).length);
    expect(new Set(warns.map((line) => `${line.msg}:${line.reason}`))).toEqual(
      new Set(["authentication failed:api_key_invalid"]),
    );

    // A warm, valid key from the same address still works: it costs nothing.
    expect((await call(`${h.url}/api/v1/me`, { headers: apiKey(good.key) })).status).toBe(200);
    const throttled = await call(`${h.url}/api/v1/me`, { headers: apiKey("sk_another_bogus_key") });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.message).toMatch(/^Too many failed authentications from this address/);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
  }, 30_000);

  it("forged JWTs from one IP cost at most the budget in signature checks", async () => {
    const other = await startHarness({ database: h.database, s3: h.s3, env: { AUTH_FAILURE_LIMIT_POINTS: "5" } });
    try {
      const { token } = await other.user();
      const [head, body] = token.split(".");
      const jwt = other.api.built.deps.jwt;
      const checks = jwt.verifications;
      const statuses = await flood(1, 4, async () => {
        const forged = `${head}.${body}.${randomBytes(64).toString("base64url")}`;
        return (await call(`${other.url}/api/v1/me`, { headers: bearer(forged) })).status;
      });
      expect(jwt.verifications - checks).toBeLessThanOrEqual(5);
      expect(statuses).toContain(429);
      // The real token, not yet verified, is refused while the budget is spent...
      expect((await call(`${other.url}/api/v1/me`, { headers: bearer(token) })).status).toBe(429);
    } finally {
      await other.stop();
    }
  });

  it("lets a burst with one fresh valid credential through: concurrent checks of it share one", async () => {
    const other = await startHarness({ database: h.database, s3: h.s3, env: { AUTH_FAILURE_LIMIT_POINTS: "3" } });
    try {
      const { token, userId } = await other.user();
      const { key } = await createApiKeyService(other.auth.auth).create(userId, {
        name: "burst",
        scopes: ["tasks:read"],
      });
      for (const headers of [bearer(token), apiKey(key)]) {
        const statuses = await Promise.all(
          Array.from({ length: 40 }, async () => (await call(`${other.url}/api/v1/me`, { headers })).status),
        );
        expect(new Set(statuses)).toEqual(new Set([200]));
      }
      expect(other.api.built.deps.jwt.verifications).toBe(1);
      expect(other.api.built.deps.apiKeys.misses).toBe(1);
    } finally {
      await other.stop();
    }
  });

  it("limits every request per IP before credentials are looked at", async () => {
    const other = await startHarness({ database: h.database, s3: h.s3, env: { PREAUTH_RATE_LIMIT_POINTS: "6" } });
    try {
      const jwt = other.api.built.deps.jwt;
      await loadContract(other.url); // fetches /openapi.json: the first of the 6 points
      const statuses = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await call(`${other.url}/api/v1/me`, { headers: bearer(`forged.${i}.token`) })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      const refused = await call(`${other.url}/health`);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: "TOO_MANY_REQUESTS", requestId: expect.any(String) });
      expect(refused.headers.get("ratelimit-limit")).toBe("6");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(jwt.verifications).toBeLessThanOrEqual(5);
    } finally {
      await other.stop();
    }
  });
});
