// Deleting an account, by its owner (account.delete) or by a platform admin
// (admin.users.delete), under one set of rules: organizations the user owns that
// others still use must be handed over first; the personal organization and any they
// were alone in go with the account (rows and stored objects); their keys, sessions,
// memberships, passkeys and 2FA go too, and every API instance forgets them.
import { personalOrganizationId } from "@acme/auth";
import { isPersonal } from "@acme/auth/personal";
import { TRPCError } from "@trpc/server";
import { auditInput, recordAuditIn } from "../audit";
import type { Context } from "../context";
import type { Principal } from "../principal";
import { lockAdmins, refuseLastAdmin } from "./admin/last-admin";
import { forgetKeys, purgeOrganization, requestObjectPurge } from "./organization-purge";

/** Organizations the user owns that others still use: they must be handed over first. */
async function ownedSharedOrganizations(ctx: Context, userId: string) {
  const owned = await ctx.db.member.findMany({
    where: { userId, role: "owner" },
    select: {
      organization: { select: { id: true, name: true, metadata: true, _count: { select: { members: true } } } },
    },
  });
  const others = owned.map((m) => m.organization).filter((org) => !isPersonal(org));
  return {
    shared: others.filter((org) => org._count.members > 1),
    alone: others.filter((org) => org._count.members <= 1),
  };
}

/** Deletes `userId`'s account; `principal` (the user, or an admin) is recorded as the actor. */
export async function deleteAccount(ctx: Context, principal: Principal, userId: string): Promise<void> {
  const { shared, alone } = await ownedSharedOrganizations(ctx, userId);
  if (shared.length > 0) {
    const names = shared.map((org) => `"${org.name}"`).join(", ");
    throw new TRPCError({
      code: "CONFLICT",
      message: `${principal.userId === userId ? "You own" : "They own"} ${names}, which others still use. Transfer ownership or delete ${shared.length > 1 ? "them" : "it"} first.`,
    });
  }
  // Checked before anything is removed (a clear answer), and again in the last step (a race).
  const lastAdmin = `${principal.userId === userId ? "You are" : "They are"} the last admin: make someone else an admin first`;
  await ctx.db.$transaction(async (tx) => {
    await lockAdmins(tx);
    await refuseLastAdmin(tx, userId, lastAdmin);
  });
  // The personal organization, and any the user was alone in, go with the account.
  for (const org of [personalOrganizationId(userId), ...alone.map((o) => o.id)]) await purgeOrganization(ctx, org);
  const keys = await ctx.db.apikey.findMany({
    where: { metadata: { contains: `"createdById":"${userId}"` } },
    select: { id: true },
  });
  const memberships = await ctx.db.member.findMany({ where: { userId }, select: { organizationId: true } });
  await ctx.db.$transaction(async (tx) => {
    await lockAdmins(tx);
    await refuseLastAdmin(tx, userId, lastAdmin);
    await tx.apikey.deleteMany({ where: { id: { in: keys.map((k) => k.id) } } });
    await tx.task.updateMany({ where: { assigneeId: userId }, data: { assigneeId: null } });
    // Pending email-change notices (the old address) and trusted-device records (the user id).
    await tx.verification.deleteMany({
      where: { OR: [{ identifier: `email-change-notice:${userId}` }, { value: userId }] },
    });
    // Their data exports: the rows now, the archives with the worker's next purge.
    await tx.accountExport.deleteMany({ where: { userId } });
    await tx.objectPurge.create({ data: { prefix: `exports/${userId}/`, reason: "user.deleted" } });
    // Sessions, sign-in methods, memberships, passkeys and 2FA go with the user (cascades).
    await tx.user.delete({ where: { id: userId } });
    await recordAuditIn(
      tx,
      auditInput(ctx, principal, {
        action: "user.deleted",
        organizationId: null,
        targetType: "user",
        targetId: userId,
        metadata: { organizationsDeleted: alone.length + 1, keysDeleted: keys.length },
      }),
    );
  });
  for (const { organizationId } of memberships) {
    ctx.memberships.forget(organizationId, userId);
    await ctx.revocations.publish({ kind: "member", organizationId, userId });
  }
  await forgetKeys(ctx, keys);
  requestObjectPurge(ctx);
}
