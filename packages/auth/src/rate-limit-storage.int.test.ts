import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisRateLimitStorage } from "./rate-limit-storage";
import { startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

const REDIS_URL = "redis://127.0.0.1:6379";

describe("auth rate limits in Redis", () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `test:auth:rl:${Date.now()}:`;
  let one: TestAuthServer;
  let two: TestAuthServer;

  beforeAll(async () => {
    const rateLimit = {
      enabled: true,
      windowSeconds: 60,
      max: 1_000,
      sensitiveMax: 4,
      storage: redisRateLimitStorage(redis, prefix),
    };
    [one, two] = await Promise.all([startTestAuthServer({ rateLimit }), startTestAuthServer({ rateLimit })]);
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("shares one count between two auth servers", async () => {
    const statuses: number[] = [];
    for (const server of [one, two, one, two, one, two]) {
      const client = new TestClient(server.url, "192.0.2.44");
      statuses.push(
        (await client.post("/api/auth/sign-in/email", { email: "x@example.test", password: "p-12345678" })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it("counts atomically and expires the window", async () => {
    const storage = redisRateLimitStorage(redis, prefix);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => storage.consume("burst", { window: 1, max: 3 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results.find((r) => !r.allowed)?.retryAfter).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await storage.consume("burst", { window: 1, max: 3 })).allowed).toBe(true);
  });
});
