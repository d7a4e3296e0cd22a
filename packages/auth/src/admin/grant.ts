// The first admin (and any later one, from a shell): `pnpm admin:grant <email>`, or
// SEED_ADMIN_EMAIL at `pnpm db:seed`. Admins then appoint others in the console. Only
// an account whose address was verified (its owner holds the mailbox) and that is not
// banned can be made an admin this way: whoever signed up first with someone else's
// address cannot ride on it.
import type { Db } from "@acme/db";
import { recordAuditIn } from "@acme/db/audit";
import { banInForce } from "./ban";

export type GrantResult = "granted" | "already-admin" | "no-such-user" | "unverified" | "banned";

/** Makes an existing account a platform admin; the change and its audit event commit together. */
export async function grantAdmin(db: Db, email: string): Promise<GrantResult> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, role: true, emailVerified: true, banned: true, banExpires: true },
  });
  if (!user) return "no-such-user";
  if (user.role === "admin") return "already-admin";
  if (!user.emailVerified) return "unverified";
  if (banInForce(user)) return "banned";
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role: "admin" } });
    await recordAuditIn(tx, {
      action: "user.role_set",
      targetType: "user",
      targetId: user.id,
      metadata: { role: "admin", previous: user.role, via: "command line" },
    });
  });
  return "granted";
}

/** What each refusal means for the person at the shell. */
export const GRANT_REFUSALS: Record<Exclude<GrantResult, "granted" | "already-admin">, string> = {
  "no-such-user": "no account uses this address: sign up first, then run this again",
  unverified: "this account's address is not verified: open the verification mail first",
  banned: "this account is banned: lift the ban first",
};
