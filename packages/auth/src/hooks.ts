// Request hooks on Better Auth's endpoints.
import { APIError, createAuthMiddleware } from "better-auth/api";

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
