// The platform's admin plugin (Better Auth `admin`): roles `user` and `admin`, bans
// enforced at sign-in with their reason, and impersonation for a limited time. Other
// admin actions (ban, roles, deletion, lists) are the API's admin.* procedures, which
// keep the last-admin rule, the audit log and the access cuts in one place; the
// plugin's own endpoints for them stay closed to HTTP.
import { APIError, createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins/admin";

export const PLATFORM_ROLES = ["user", "admin"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export interface AdminConfig {
  /** How long an impersonation session lasts; 30 by default. */
  impersonationMinutes?: number;
}

/** Only these of the plugin's endpoints answer over HTTP (they move session cookies). */
const OPEN_PATHS = new Set(["/admin/impersonate-user", "/admin/stop-impersonating"]);

/** What a banned person is told at sign-in: the reason, and when it ends. */
export function banMessage(user: { banReason?: string | null; banExpires?: Date | string | null }): string {
  const reason = user.banReason?.trim() ? ` Reason: ${user.banReason.trim()}.` : "";
  const until = user.banExpires ? ` The suspension ends ${new Date(user.banExpires).toISOString()}.` : "";
  return `This account is suspended.${reason}${until} Contact support if you think this is a mistake.`;
}

export function adminPlugin(config: AdminConfig = {}) {
  return admin({
    defaultRole: "user",
    adminRoles: ["admin"],
    impersonationSessionDuration: (config.impersonationMinutes ?? 30) * 60,
    allowImpersonatingAdmins: false,
    bannedUserMessage: (user) => banMessage(user as { banReason?: string | null; banExpires?: Date | null }),
  });
}

export const closeAdminEndpoints = createAuthMiddleware(async (ctx) => {
  if (ctx.request && ctx.path.startsWith("/admin/") && !OPEN_PATHS.has(ctx.path)) {
    throw new APIError("NOT_FOUND", { message: "Use the API's admin.* procedures" });
  }
});
