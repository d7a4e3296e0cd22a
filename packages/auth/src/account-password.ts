// Checks a user's password outside a Better Auth request (the API asks for it
// before deleting an account). Same hash format and comparison as sign-in.
import type { Db } from "@acme/db";
import { verifyPassword } from "better-auth/crypto";

/** "none" when the account has no password (passkey or social sign-in only). */
export async function checkAccountPassword(db: Db, userId: string, password: string): Promise<"ok" | "wrong" | "none"> {
  const account = await db.account.findFirst({
    where: { userId, providerId: "credential" },
    select: { password: true },
  });
  if (!account?.password) return "none";
  return (await verifyPassword({ hash: account.password, password })) ? "ok" : "wrong";
}
