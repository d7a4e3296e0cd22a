// Two-factor authentication (TOTP with backup codes) on Better Auth's twoFactor
// plugin, plus what the plugin lacks: a code is accepted once. Without that, a
// code seen over a shoulder or phished works again for up to 90 seconds.
import { createHash } from "node:crypto";
import type { Db } from "@acme/db";
import { APIError, type createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";

const TOTP_PATH = "/two-factor/verify-totp";
/** Longer than a code's life (its 30 s step and one step either side). */
const REMEMBER_USED_CODES = "3 minutes";

export function twoFactorPlugin(appName: string) {
  return twoFactor({
    issuer: appName,
    totpOptions: { digits: 6, period: 30 },
    backupCodeOptions: { amount: 10, length: 10 },
    trustDeviceMaxAge: 30 * 24 * 60 * 60,
  });
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Whose code this is: the signed-in user (enrolment) or the one half-way through signing in. */
async function codeOwner(ctx: HookContext): Promise<string | null> {
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (session) return session.user.id;
  const cookie = ctx.context.createAuthCookie("two_factor");
  const pending = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!pending) return null;
  const verification = await ctx.context.internalAdapter.findVerificationValue(pending);
  return verification?.value ?? null;
}

function submittedCode(ctx: HookContext): string | null {
  const code: unknown = ctx.body?.code;
  return ctx.path === TOTP_PATH && typeof code === "string" ? code : null;
}

const digestOf = (userId: string, code: string) => createHash("sha256").update(`${userId}:${code}`).digest("base64url");

/**
 * Whose code each request in flight claimed: the plugin may end the pending sign-in
 * while refusing the code (too many attempts), after which the owner can no longer be
 * read from it, and the refused code must still be released. Keyed by the request's
 * headers (one object per request, shared by its before and after hooks).
 */
const claims = new WeakMap<object, string>();
const claimKey = (ctx: HookContext): object | undefined => ctx.headers ?? ctx.request ?? undefined;

/** Claims the code before the plugin checks it; a code claimed already is refused. */
export function claimTotpCode(db: Db) {
  return async (ctx: HookContext): Promise<void> => {
    const code = submittedCode(ctx);
    if (!code) return;
    const userId = await codeOwner(ctx);
    if (!userId) return; // the plugin refuses the request itself
    const key = claimKey(ctx);
    if (key) claims.set(key, userId);
    await db.$executeRaw`DELETE FROM auth.used_totp_codes
      WHERE user_id = ${userId} AND used_at < now() - ${REMEMBER_USED_CODES}::interval`;
    const claimed = await db.$executeRaw`INSERT INTO auth.used_totp_codes (user_id, digest)
      VALUES (${userId}, ${digestOf(userId, code)}) ON CONFLICT DO NOTHING`;
    if (claimed === 0) {
      throw new APIError("UNAUTHORIZED", {
        code: "TOTP_CODE_ALREADY_USED",
        message: "This code was already used. Wait for the next one from your app.",
      });
    }
  };
}

/** A code the plugin refused was not used: release it (a typo must not burn the right code). */
export function releaseRefusedCode(db: Db) {
  return async (ctx: HookContext): Promise<void> => {
    const code = submittedCode(ctx);
    if (!code || !isAPIError(ctx.context.returned)) return;
    const error = ctx.context.returned as { body?: { code?: string } };
    if (error.body?.code === "TOTP_CODE_ALREADY_USED") return;
    const key = claimKey(ctx);
    const userId = (key && claims.get(key)) ?? (await codeOwner(ctx));
    if (!userId) return;
    await db.$executeRaw`DELETE FROM auth.used_totp_codes
      WHERE user_id = ${userId} AND digest = ${digestOf(userId, code)}`;
  };
}
