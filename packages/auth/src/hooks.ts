// Request hooks on Better Auth's endpoints.
import { APIError, createAuthMiddleware } from "better-auth/api";

/**
 * With email verification on, Better Auth answers a sign-up for a taken address
 * with a fake success so that sign-up cannot enumerate accounts. We refuse it
 * with a clear error instead: people retyping their own address need to be told
 * to sign in, and sign-up is already throttled by the sensitive rate limit.
 */
export const refuseDuplicateSignUp = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-up/email") return;
  const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
  if (!email) return;
  const existing = await ctx.context.internalAdapter.findUserByEmail(email);
  if (existing?.user) {
    throw new APIError("UNPROCESSABLE_ENTITY", {
      code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
      message: "An account with this email already exists. Sign in, or reset your password.",
    });
  }
});

const ROLE_PATHS = new Set([
  "/organization/update-member-role",
  "/organization/invite-member",
  "/organization/add-member",
]);

/**
 * One role per member: Better Auth also takes role lists ("admin,member"), which
 * the API's permission table does not know (it would lock the member out).
 */
export const refuseRoleLists = createAuthMiddleware(async (ctx) => {
  if (!ROLE_PATHS.has(ctx.path)) return;
  const role: unknown = ctx.body?.role;
  if (Array.isArray(role) || (typeof role === "string" && role.includes(","))) {
    throw new APIError("BAD_REQUEST", { message: "Give one role" });
  }
});

/**
 * API keys are managed through the API server (which announces revocations and
 * records who made a key); Better Auth's own key endpoints stay closed to HTTP.
 * In-process calls (`auth.api.*`, no request) go through.
 */
export const closeKeyEndpoints = createAuthMiddleware(async (ctx) => {
  if (ctx.request && ctx.path.startsWith("/api-key/")) {
    throw new APIError("NOT_FOUND", { message: "Manage API keys through the API (apiKeys.* procedures)" });
  }
});
