// Requires a valid principal and the procedure's scopes. Each auth failure is logged
// once, at warn, with a reason code; the credential itself never is.
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import type { Meta } from "../init";
import type { Principal } from "../principal";

export async function requirePrincipal(ctx: Context, meta: Meta | undefined): Promise<Principal> {
  const outcome = await ctx.resolveAuth();
  if (!outcome.principal) {
    ctx.record.authFailure = outcome.reason;
    if (outcome.reason === "auth_throttled") {
      // Not logged at warn: a flood would fill the log. The request line records it.
      const retry = String(outcome.retryAfterSeconds ?? 1);
      ctx.setHeader("Retry-After", retry);
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `Too many failed authentications from this address; retry in ${retry}s`,
      });
    }
    ctx.logger.warn({ requestId: ctx.requestId, reason: outcome.reason }, "authentication failed");
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: outcome.reason === "missing" ? "Authentication required" : "Invalid credentials",
    });
  }
  const principal = outcome.principal;
  ctx.record.principal = principal;
  const missing = (meta?.scopes ?? []).filter((scope) => !principal.scopes.includes(scope));
  if (missing.length > 0) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Missing scope: ${missing.join(", ")}` });
  }
  return principal;
}
