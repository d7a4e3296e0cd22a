// Request ids on every answer; 429 with headers; one limit shared by two servers
// through Redis; Redis stopped -> still limited, never a 500.
import { createApiKeyService } from "@acme/auth";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, bearer, call, type Reply } from "./testing/http";
import { type RedisProcess, startRedisProcess } from "./testing/redis-process";

describe("request ids", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { RATE_LIMIT_READ_POINTS: "3", BODY_LIMIT_BYTES: "1024" } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("echoes a well-formed X-Request-ID and replaces a malformed one", async () => {
    const echoed = await call(`${h.url}/health`, { headers: { "x-request-id": "abc.DEF-123_x" } });
    expect(echoed.headers.get("x-request-id")).toBe("abc.DEF-123_x");
    const replaced = await call(`${h.url}/health`, { headers: { "x-request-id": "bad id with spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const tooLong = await call(`${h.url}/health`, { headers: { "x-request-id": "a".repeat(129) } });
    expect(tooLong.headers.get("x-request-id")).not.toBe("a".repeat(129));
  });

  it("is on 200, 400, 401, 403, 404, 413 and 429 answers, in the header and the body", async () => {
    const { token, userId } = await h.user();
    const { key } = await createApiKeyService(h.auth.auth).create(userId, { name: "r", scopes: ["tasks:read"] });
    const statuses = new Map<number, { header: string | null; body: string | undefined }>();
    const record = (reply: Reply) => {
      if (statuses.has(reply.status)) return;
      statuses.set(reply.status, {
        header: reply.headers.get("x-request-id"),
        body: reply.body?.error?.requestId ?? reply.body?.requestId,
      });
    };

    record(await call(`${h.url}/api/v1/me`, { headers: bearer(token) }));
    record(await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: bearer(token), body: { title: "" } }));
    record(await call(`${h.url}/api/v1/me`));
    record(await call(`${h.url}/api/v1/data`, { method: "POST", headers: apiKey(key), body: { content: "x" } }));
    record(await call(`${h.url}/nowhere`));
    record(
      await call(`${h.url}/api/v1/data`, {
        method: "POST",
        headers: bearer(token),
        body: { content: "x".repeat(2000) },
      }),
    );
    for (let i = 0; i < 4; i++) record(await call(`${h.url}/api/v1/tasks`, { headers: bearer(token) }));

    expect([...statuses.keys()].sort()).toEqual([200, 400, 401, 403, 404, 413, 429]);
    for (const [status, ids] of statuses) {
      expect(ids.header, String(status)).toBeTruthy();
      expect(ids.body, String(status)).toBe(ids.header);
    }
  });
});

describe("rate limits", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("answers 429 with Retry-After and RateLimit-* headers, per principal and per bucket", async () => {
    const h = await startHarness({ database, env: { RATE_LIMIT_READ_POINTS: "3", RATE_LIMIT_WRITE_POINTS: "2" } });
    try {
      const [a, b] = [await h.user(), await h.user()];
      const replies = [];
      for (let i = 0; i < 4; i++) replies.push(await call(`${h.url}/api/v1/tasks`, { headers: bearer(a.token) }));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(replies[0]?.headers.get("ratelimit-limit")).toBe("3");
      expect(replies[2]?.headers.get("ratelimit-remaining")).toBe("0");
      const limited = replies[3];
      expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(limited?.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
      expect(limited?.body.error).toMatchObject({ code: "TOO_MANY_REQUESTS" });
      // Writes have their own bucket; another principal has its own count.
      expect(
        (await call(`${h.url}/api/v1/data`, { method: "POST", headers: bearer(a.token), body: { content: "x" } }))
          .status,
      ).toBe(200);
      expect((await call(`${h.url}/api/v1/tasks`, { headers: bearer(b.token) })).status).toBe(200);
    } finally {
      await h.stop();
    }
  });

  it("shares one limit between two server instances through Redis, and keeps limiting when Redis stops", async () => {
    const redis: RedisProcess = await startRedisProcess();
    const env = { RATE_LIMIT_READ_POINTS: "4", REDIS_URL: redis.url };
    const one = await startHarness({ database, env });
    const two = await startHarness({ database, env, s3: one.s3 });
    try {
      // The servers share the database, so one API key works on both.
      const keys = createApiKeyService(one.auth.auth);
      const user = await one.user();
      const { key } = await keys.create(user.userId, { name: "shared", scopes: ["tasks:read"] });
      const statuses = [];
      for (const h of [one, two, one, two, one]) {
        statuses.push((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key) })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);

      await redis.stop();
      const other = await one.user();
      const afterOutage = [];
      for (let i = 0; i < 6; i++) {
        afterOutage.push((await call(`${one.url}/api/v1/tasks`, { headers: bearer(other.token) })).status);
      }
      // The in-memory insurance limiter takes over: still limited, never a 500.
      expect(afterOutage).not.toContain(500);
      expect(afterOutage.slice(0, 4)).toEqual([200, 200, 200, 200]);
      expect(afterOutage.slice(4)).toEqual([429, 429]);
    } finally {
      await two.stop();
      await one.stop();
      await redis.stop();
    }
  });

  it("keys anonymous callers by socket address, and by the rightmost untrusted X-Forwarded-For hop behind TRUST_PROXY", async () => {
    const forwardedFrom = (ip: string) => ({ "x-forwarded-for": ip });
    const direct = await startHarness({ database, env: { RATE_LIMIT_READ_POINTS: "2" } });
    try {
      const statuses = [];
      for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
        statuses.push((await call(`${direct.url}/api/v1/health`, { headers: forwardedFrom(ip) })).status);
      }
      // A client cannot dodge the limit by inventing addresses.
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await direct.stop();
    }
    // Behind a trusted proxy (this test's loopback client plays it), the client is the rightmost
    // untrusted hop: entries the caller writes to the left do not pick the bucket.
    const proxied = await startHarness({
      database,
      env: { RATE_LIMIT_READ_POINTS: "2", TRUST_PROXY: "127.0.0.1,::1,10.0.0.0/8" },
    });
    try {
      const statuses = [];
      for (const spoofed of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
        const hops = `${spoofed}, 198.51.100.7, 10.0.0.2`;
        statuses.push((await call(`${proxied.url}/api/v1/health`, { headers: forwardedFrom(hops) })).status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      // Another client behind the same proxy has its own bucket.
      const other = await call(`${proxied.url}/api/v1/health`, { headers: forwardedFrom("198.51.100.8, 10.0.0.2") });
      expect(other.status).toBe(200);
    } finally {
      await proxied.stop();
    }
  });
});
