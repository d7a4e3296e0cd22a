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
