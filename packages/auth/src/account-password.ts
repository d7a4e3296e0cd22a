// Re-authentication before an irreversible step (changing the sign-in address,
// deleting the account), outside a Better Auth request too (the API deletes
// accounts): the password, or, for accounts without one, a recent sign-in. Same
// hash format and comparison as sign-in.
import type { Db } from "@acme/db";
import { verifyPassword } from "better-auth/crypto";

/** Without a password, a sign-in this recent stands in for it. */
export const FRESH_SIGN_IN_MS = 10 * 60 * 1000;

/**
 * "ok"; "missing" / "wrong" (the account has a password and it was not given / not
 * right); "stale" (no password, and the sign-in is older than FRESH_SIGN_IN_MS).
 */
export async function reauthenticate(
  db: Db,
  userId: string,
  password: string | undefined,
  signedInAt: Date | null,
): Promise<"ok" | "missing" | "wrong" | "stale"> {
  const account = await db.account.findFirst({
    where: { userId, providerId: "credential" },
    select: { password: true },
  });
  if (account?.password) {
    if (!password) return "missing";
    return (await verifyPassword({ hash: account.password, password })) ? "ok" : "wrong";
  }
  return signedInAt && Date.now() - signedInAt.getTime() <= FRESH_SIGN_IN_MS ? "ok" : "stale";
}
