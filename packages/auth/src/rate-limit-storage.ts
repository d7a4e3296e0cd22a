// Better Auth's limiter counts in Redis when REDIS_URL is set, so every instance of
// the auth server shares one count. Fixed windows, incremented atomically.
import type { BetterAuthOptions } from "better-auth";
import type { Redis } from "ioredis";

type RateLimitStorage = NonNullable<NonNullable<BetterAuthOptions["rateLimit"]>["customStorage"]>;

// INCR, start the window on the first hit, and report the count and time left.
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

export function redisRateLimitStorage(redis: Redis, prefix = "auth:rl:"): RateLimitStorage {
  return {
    async consume(key, rule) {
      const [count, ttl] = (await redis.eval(CONSUME, 1, `${prefix}${key}`, String(rule.window))) as [number, number];
      return count <= rule.max ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: Math.max(ttl, 1) };
    },
  };
}
