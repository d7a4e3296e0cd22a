// Limits each principal (API key id, or user id for JWTs) or, without a valid
// credential, each client IP, with separate buckets for reads and writes. Sets
// RateLimit-* headers on every answer and Retry-After on 429. With limits turned
// off (RATE_LIMIT_ENABLED=false) it does nothing, and no RateLimit-* header claims a limit.
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";

export async function enforceRateLimit(ctx: Context, type: string, by: "ip" | "principal"): Promise<void> {
  if (!ctx.rateLimiter.config.enabled) return;
  let key = `ip:${ctx.ip}`;
  if (by === "principal") {
    const { principal } = await ctx.resolveAuth();
    if (principal) key = principal.keyId ? `key:${principal.keyId}` : `user:${principal.userId}`;
  }
  const bucket = type === "mutation" ? "write" : "read";
  let decision: Awaited<ReturnType<typeof ctx.rateLimiter.consume>>;
  try {
    decision = await ctx.rateLimiter.consume(bucket, key);
  } catch (cause) {
    // Fail closed, and say so: the limiter's store and its insurance both failed.
    ctx.logger.error({ requestId: ctx.requestId, err: cause }, "rate limiter unavailable");
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Rate limiter unavailable", cause });
  }
  ctx.setHeader("RateLimit-Limit", String(decision.limit));
  ctx.setHeader("RateLimit-Remaining", String(decision.remaining));
  ctx.setHeader("RateLimit-Reset", String(decision.resetSeconds));
  if (!decision.allowed) {
    ctx.setHeader("Retry-After", String(decision.resetSeconds));
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Rate limit exceeded; retry in ${decision.resetSeconds}s`,
    });
  }
}
