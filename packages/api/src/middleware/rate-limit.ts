// Limits each principal (API key id, or user id for JWTs) or, without a valid
// credential, each client IP, with separate buckets for reads and writes; and each
// organization as a whole (a ceiling shared by its members and keys), so one
// tenant cannot starve the others. Sets RateLimit-* headers (the principal's) on
// every answer and Retry-After on 429. With limits turned off
// (RATE_LIMIT_ENABLED=false) it does nothing, and no RateLimit-* header claims a limit.
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import type { Principal } from "../principal";
import type { Bucket, RateLimitDecision, RateLimiter } from "../rate-limit/limiter";

/** One point from `key`; a store that fails (and its insurance with it) fails closed, and says so. */
async function consume(ctx: Context, limiter: RateLimiter, bucket: Bucket, key: string): Promise<RateLimitDecision> {
  try {
    return await limiter.consume(bucket, key);
  } catch (cause) {
    ctx.logger.error({ requestId: ctx.requestId, err: cause }, "rate limiter unavailable");
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Rate limiter unavailable", cause });
  }
}

function refuse(ctx: Context, decision: RateLimitDecision, what: string): never {
  ctx.setHeader("Retry-After", String(decision.resetSeconds));
  throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `${what} exceeded; retry in ${decision.resetSeconds}s` });
}

/**
 * Takes a point from the caller's bucket: the principal's (and its organization's
 * ceiling) when `principal` is set, else the client IP's.
 */
export async function enforceRateLimit(ctx: Context, type: string, principal?: Principal | null): Promise<void> {
  if (!ctx.rateLimiter.config.enabled) return;
  const key = principal ? (principal.keyId ? `key:${principal.keyId}` : `user:${principal.userId}`) : `ip:${ctx.ip}`;
  const bucket = type === "mutation" ? "write" : "read";
  const decision = await consume(ctx, ctx.rateLimiter, bucket, key);
  ctx.setHeader("RateLimit-Limit", String(decision.limit));
  ctx.setHeader("RateLimit-Remaining", String(decision.remaining));
  ctx.setHeader("RateLimit-Reset", String(decision.resetSeconds));
  if (!decision.allowed) refuse(ctx, decision, "Rate limit");
  if (principal?.organizationId) {
    const ceiling = await consume(ctx, ctx.organizationRateLimiter, bucket, `org:${principal.organizationId}`);
    if (!ceiling.allowed) refuse(ctx, ceiling, "The organization's rate limit");
  }
}
