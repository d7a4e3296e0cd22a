// The procedure chains, each one middleware: every middleware hop in tRPC copies
// the call options and context, which cost more than the checks themselves.
//   public: rate limit per client IP
//   authed: rate limit (per principal, per IP when unauthenticated) -> auth and scopes
// Domain errors from either step or the procedure become typed tRPC errors.
import { t } from "../init";
import type { Principal } from "../principal";
import { requirePrincipal } from "./auth";
import { mapError } from "./map-errors";
import { enforceRateLimit } from "./rate-limit";

export const publicChain = t.middleware(async ({ ctx, type, next }) => {
  try {
    await enforceRateLimit(ctx, type);
  } catch (error) {
    throw mapError(error);
  }
  const result = await next();
  if (!result.ok) throw mapError(result.error);
  return result;
});

export const authedChain = t.middleware(async ({ ctx, type, meta, next }) => {
  let principal: Principal;
  try {
    const outcome = await ctx.resolveAuth();
    await enforceRateLimit(ctx, type, outcome.principal);
    const allowed = requirePrincipal(ctx, meta, outcome);
    principal = allowed instanceof Promise ? await allowed : allowed;
  } catch (error) {
    throw mapError(error);
  }
  const result = await next({ ctx: { principal } });
  if (!result.ok) throw mapError(result.error);
  return result;
});
