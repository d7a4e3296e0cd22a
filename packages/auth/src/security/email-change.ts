// Changing the sign-in address: the new address must be confirmed (Better Auth
// mails it a link); once it is, the old address is told. Better Auth hands the
// mail hook the user with the new address, so the old one is kept here, in a
// verification row, until the change is confirmed.
import type { Db } from "@acme/db";
import { changeEmailMail, verificationMail } from "@acme/email";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { reauthenticate } from "../account-password";
import { deliver } from "../mail/deliver";
import type { Mailer } from "../mail/mailer";
import type { Notices } from "./notices";

const noticeId = (userId: string) => `email-change-notice:${userId}`;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createEmailChange(deps: {
  db: Db;
  mailer: Mailer;
  notices: Notices;
  logger: { warn(m: string): void };
}) {
  const { db, mailer } = deps;

  /**
   * The address is where password resets go: a stolen session alone must not move it.
   * The password is asked for (or, without one, a sign-in in the last ten minutes).
   */
  const requireReauthentication = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/change-email") return;
    const session = await getSessionFromCtx(ctx).catch(() => null);
    if (!session) return; // Better Auth answers 401 itself
    const password: unknown = ctx.body?.password;
    const signedInAt = new Date(session.session.createdAt);
    const check = await reauthenticate(
      db,
      session.user.id,
      typeof password === "string" ? password : undefined,
      signedInAt,
    );
    if (check === "missing" || check === "wrong") {
      throw new APIError("BAD_REQUEST", {
        code: "INVALID_PASSWORD",
        message: check === "wrong" ? "Your password is not right" : "Enter your password to change your email address",
      });
    }
    if (check === "stale") {
      throw new APIError("FORBIDDEN", { message: "Sign in again, then change your email address within 10 minutes" });
    }
  });

  /** Better Auth's one verification hook: a sign-up's address, or a change's new one. */
  async function sendVerification(user: { id: string; email: string; name: string }, url: string): Promise<void> {
    const stored = await db.user.findUnique({ where: { id: user.id }, select: { email: true } });
    if (!stored || stored.email === user.email) {
      await deliver(mailer, user.email, verificationMail(user.name, url));
      return;
    }
    await db.verification.deleteMany({ where: { identifier: noticeId(user.id) } });
    await db.verification.create({
      data: {
        id: crypto.randomUUID(),
        identifier: noticeId(user.id),
        value: stored.email,
        expiresAt: new Date(Date.now() + DAY_MS),
      },
    });
    // Sent after the answer: a free address must not answer slower than a taken one
    // (which gets no mail), or the timing would tell which addresses have accounts.
    void deliver(mailer, user.email, changeEmailMail(user.name, user.email, url)).catch((error: Error) =>
      deps.logger.warn(`auth: email change confirmation not sent: ${error.message}`),
    );
  }

  /** After a verified change, the old address hears of it. True when the address changed. */
  async function onUserUpdated(user: { id: string; email: string; name: string }, path: string | undefined) {
    if (path !== "/verify-email") return false;
    const pending = await db.verification.findFirst({ where: { identifier: noticeId(user.id) } });
    if (!pending || pending.value === user.email) return false;
    await db.verification.delete({ where: { id: pending.id } });
    await deps.notices.notify(
      { email: pending.value, name: user.name },
      { kind: "email-changed", newEmail: user.email },
    );
    return true;
  }

  return { requireReauthentication, sendVerification, onUserUpdated };
}
