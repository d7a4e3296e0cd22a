// Accounts an admin creates (admin.users.create): the same rows sign-up makes (the user,
// a password sign-in when a password is given, the personal organization), written in
// the caller's transaction so the account and its audit event commit together.
import type { Prisma } from "@acme/db";
import { generateRandomString, hashPassword } from "better-auth/crypto";
import { createPersonalOrganizationIn } from "../organizations";

export interface NewAccount {
  email: string;
  name: string;
  /** From hashAccountPassword, computed before the transaction opens (it takes tens of milliseconds). */
  passwordHash?: string;
  emailVerified: boolean;
  role: string;
}

/** A password hashed the way Better Auth checks it at sign-in. */
export const hashAccountPassword = (password: string): Promise<string> => hashPassword(password);

/** Creates the account; its id. */
export async function createAccountIn(tx: Prisma.TransactionClient, account: NewAccount): Promise<string> {
  const id = generateRandomString(32, "a-z", "A-Z", "0-9");
  const email = account.email.trim().toLowerCase();
  await tx.user.create({
    data: { id, email, name: account.name, emailVerified: account.emailVerified, role: account.role },
  });
  if (account.passwordHash) {
    await tx.account.create({
      data: {
        id: generateRandomString(32, "a-z", "A-Z", "0-9"),
        userId: id,
        accountId: id,
        providerId: "credential",
        password: account.passwordHash,
      },
    });
  }
  await createPersonalOrganizationIn(tx, { id, name: account.name });
  return id;
}
