// Rules of impersonation beyond Better Auth's plugin: it ends on time on the server
// (no token is minted for an impersonation session past its limit, whatever its cookie
// says), and the admin cannot change how the account is secured or sign it into other
// things: its email, password, two-factor, passkeys, linked providers, sessions, deletion.
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";

const DEFAULT_MINUTES = 30;

/** Only the account's owner does these. */
const OWNER_ONLY = new Set([
  "/change-email",
  "/change-password",
  "/set-password",
  "/delete-user",
  "/link-social",
  "/unlink-account",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/two-factor/enable",
  "/two-factor/disable",
  "/two-factor/generate-backup-codes",
  "/passkey/generate-register-options",
  "/passkey/verify-registration",
  "/passkey/delete-passkey",
  "/passkey/update-passkey",
]);

/** The admin acting in this session, if it is an impersonation. */
export function impersonatorOf(session: object): string | null {
  const by = (session as { impersonatedBy?: unknown }).impersonatedBy;
  return typeof by === "string" && by ? by : null;
}

/** Whether an impersonation session has outlived its limit (never true for a person's own session). */
export function impersonationEnded(
  session: { createdAt: Date | string } & object,
  minutes = DEFAULT_MINUTES,
  now = Date.now(),
): boolean {
  return impersonatorOf(session) !== null && new Date(session.createdAt).getTime() + minutes * 60_000 <= now;
}

export const refuseOwnerOnlyWhileImpersonating = createAuthMiddleware(async (ctx) => {
  if (!OWNER_ONLY.has(ctx.path)) return;
  const session = ctx.context.session ?? (await getSessionFromCtx(ctx).catch(() => null));
  if (session && impersonatorOf(session.session)) {
    throw new APIError("FORBIDDEN", { message: "Not while impersonating: only the account's owner can do this" });
  }
});
