// Request limits per principal (or client IP), in separate read and write buckets.
// In memory by default; in Redis when configured, with an in-memory insurance
// limiter so the limit still holds (per instance) when Redis is down.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export type Bucket = "read" | "write";

export interface RateLimitConfig {
  enabled: boolean;
  windowSeconds: number;
  readPoints: number;
  writePoints: number;
  redis?: Redis;
  keyPrefix?: string;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

type Limiter = RateLimiterMemory | RateLimiterRedis;

function build(config: RateLimitConfig, bucket: Bucket): Limiter {
  const points = bucket === "read" ? config.readPoints : config.writePoints;
  const keyPrefix = `${config.keyPrefix ?? "api:rl"}:${bucket}`;
  const options = { points, duration: config.windowSeconds, keyPrefix };
  if (!config.redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: config.redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/**
 * Takes one point from `key` as a decision: a refusal is an answer (allowed: false);
 * anything else thrown means the store failed (and its insurance limiter too).
 */
export async function consumeOne(limiter: Limiter, key: string, limit: number): Promise<RateLimitDecision> {
  try {
    const res = await limiter.consume(key);
    return { allowed: true, limit, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}

export class RateLimiter {
  private readonly limiters: Record<Bucket, Limiter>;

  constructor(readonly config: RateLimitConfig) {
    this.limiters = { read: build(config, "read"), write: build(config, "write") };
  }

  consume(bucket: Bucket, key: string): Promise<RateLimitDecision> {
    const limit = bucket === "read" ? this.config.readPoints : this.config.writePoints;
    return consumeOne(this.limiters[bucket], key, limit);
  }
}
