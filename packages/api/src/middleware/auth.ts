// Requires a valid principal and the procedure's permission. Each auth failure is
// logged once, at warn, with a reason code; the credential itself never is.
import { isPlatformPermission, roleAllows, SCOPE_FOR_PERMISSION } from "@acme/auth/permissions";
import { TRPCError } from "@trpc/server";
import type { AuthOutcome } from "../auth/authenticate";
import type { Context } from "../context";
import type { Meta } from "../init";
import type { Principal } from "../principal";

/** Whether the principal may do `permission` in its organization (role for sessions, scope for keys). */
export function allows(principal: Principal, permission: NonNullable<Meta["permission"]>): boolean {
  if (permission === "none") return true;
  // A session's platform role is checked in the database next (requirePlatformAdmin).
  if (principal.method === "jwt" && isPlatformPermission(permission)) return true;
  if (principal.method === "jwt") return principal.role !== null && roleAllows(principal.role, permission);
  const scope = SCOPE_FOR_PERMISSION[permission];
  return scope !== undefined && principal.scopes.includes(scope);
}

function forbidden(principal: Principal, permission: string): TRPCError {
  if (principal.method === "apiKey") {
    const scope = SCOPE_FOR_PERMISSION[permission as keyof typeof SCOPE_FOR_PERMISSION];
    return new TRPCError({
      code: "FORBIDDEN",
      message: scope ? `Missing scope: ${scope}` : "API keys cannot do this; sign in",
    });
  }
  return new TRPCError({ code: "FORBIDDEN", message: `Your role (${principal.role}) cannot ${permission}` });
}

/**
 * The principal of a request whose credentials were checked (`outcome`), once it may
 * do the procedure's permission; a promise only for platform permissions (a database check).
 */
export function requirePrincipal(
  ctx: Context,
  meta: Meta | undefined,
  outcome: AuthOutcome,
): Principal | Promise<Principal> {
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
    if (outcome.reason === "banned") {
      throw new TRPCError({ code: "FORBIDDEN", message: "This account is suspended" });
    }
    if (outcome.reason === "not_a_member") {
      throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this organization" });
    }
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: outcome.reason === "missing" ? "Authentication required" : "Invalid credentials",
    });
  }
  const principal = outcome.principal;
  ctx.record.principal = principal;
  const permission = meta?.permission;
  if (!permission) throw new TRPCError({ code: "FORBIDDEN", message: "This procedure declares no permission" });
  if (!allows(principal, permission)) throw forbidden(principal, permission);
  if (isPlatformPermission(permission)) return requirePlatformAdmin(ctx, principal).then(() => principal);
  return principal;
}

const PLATFORM_ADMINS_ONLY = "Only platform admins can do this";

/**
 * The one check in front of every admin procedure (every procedure whose permission is a
 * platform one): the user (a key's creator) is an admin now, in the database, and not
 * banned; never the token's claim, never while an admin acts as someone else.
 */
async function requirePlatformAdmin(ctx: Context, principal: Principal): Promise<void> {
  if (principal.impersonatorId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Stop impersonating to use the admin console" });
  }
  const user = await ctx.db.user.findUnique({
    where: { id: principal.userId },
    select: { role: true, banned: true, banExpires: true },
  });
  const banned = user?.banned && (!user.banExpires || user.banExpires > new Date());
  if (user?.role !== "admin" || banned) throw new TRPCError({ code: "FORBIDDEN", message: PLATFORM_ADMINS_ONLY });
}
