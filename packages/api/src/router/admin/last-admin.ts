// The platform always keeps one admin. Every change of who is an admin (a role set, an
// account deleted) takes one transaction-scoped lock first, so two of them at once are
// decided one after the other, never both against the same count.
import type { Prisma } from "@acme/db";
import { TRPCError } from "@trpc/server";

type Tx = Prisma.TransactionClient;

const PLATFORM_ADMINS_LOCK = 0x61646d6e;

export async function lockAdmins(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PLATFORM_ADMINS_LOCK})`;
}

/** Refuses (409) when `userId` is the only admin left; call after lockAdmins. */
export async function refuseLastAdmin(tx: Tx, userId: string, message: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (user?.role !== "admin") return;
  if ((await tx.user.count({ where: { role: "admin" } })) <= 1) throw new TRPCError({ code: "CONFLICT", message });
}

/** Refuses (403) a caller who stopped being an admin since their request was let in. */
export async function requireStillAdmin(tx: Tx, userId: string): Promise<void> {
  const caller = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (caller?.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Only platform admins can do this" });
}
