// Changing the sign-in address: the new address must be confirmed (Better Auth
// mails it a link); once it is, the old address is told. Better Auth hands the
// mail hook the user with the new address, so the old one is kept here, in a
// verification row, until the change is confirmed.
import type { Db } from "@acme/db";
import { changeEmailMail, verificationMail } from "@acme/email";
import { deliver } from "../mail/deliver";
import type { Mailer } from "../mail/mailer";
import type { Notices } from "./notices";

const noticeId = (userId: string) => `email-change-notice:${userId}`;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createEmailChange(deps: { db: Db; mailer: Mailer; notices: Notices }) {
  const { db, mailer } = deps;

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
    await deliver(mailer, user.email, changeEmailMail(user.name, user.email, url));
  }

  /** After a verified change, the old address hears of it. */
  async function onUserUpdated(user: { id: string; email: string; name: string }, path: string | undefined) {
    if (path !== "/verify-email") return;
    const pending = await db.verification.findFirst({ where: { identifier: noticeId(user.id) } });
    if (!pending || pending.value === user.email) return;
    await db.verification.delete({ where: { id: pending.id } });
    await deps.notices.notify(
      { email: pending.value, name: user.name },
      { kind: "email-changed", newEmail: user.email },
    );
  }

  return { sendVerification, onUserUpdated };
}
