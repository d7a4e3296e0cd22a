// The caller's own account (JWT sessions only: an API key acts for an
// organization, never for a person): download its data, or delete it.
import { personalOrganizationId, reauthenticate } from "@acme/auth";
import { isPersonal } from "@acme/auth/personal";
import { PASSWORD_MAX } from "@acme/validators";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit";
import type { Context } from "../context";
import type { Principal } from "../principal";
import { sessionProcedure } from "../trpc";
import { accountExportOutput, exportAccount } from "./account-export";
import { forgetKeys, purgeOrganization } from "./organization-purge";

const ownAccount = sessionProcedure("Your account is managed from a signed-in session, not an API key");

/**
 * Password, or (for accounts without one) a sign-in within the last ten minutes.
 * Wrong passwords spend the client's failed-authentication budget, like bad credentials.
 */
async function requireReauthentication(ctx: Context, principal: Principal, password: string | undefined) {
  const signedInAt = principal.authTime ? new Date(principal.authTime * 1000) : null;
  const check = await reauthenticate(ctx.db, principal.userId, password || undefined, signedInAt);
  if (check === "wrong" && !(await ctx.authFailures.take(ctx.ip)).allowed) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many wrong passwords; try again later" });
  }
  if (check === "missing" || check === "wrong") {
    const message = check === "wrong" ? "Your password is not right" : "Enter your password to delete your account";
    throw new TRPCError({ code: "BAD_REQUEST", message });
  }
  if (check === "stale") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Sign in again, then delete your account within 10 minutes" });
  }
}

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

export const accountRouter = {
  export: ownAccount
    .meta({ permission: "none" })
    .input(z.void())
    .output(accountExportOutput)
    .query(async ({ ctx }) => {
      const archive = await exportAccount(ctx, ctx.principal.userId);
      await audit(ctx, ctx.principal, { action: "data.exported", targetType: "user", targetId: ctx.principal.userId });
      return archive;
    }),

  delete: ownAccount
    .meta({ permission: "none" })
    .input(z.object({ password: z.string().max(PASSWORD_MAX).optional() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const { userId } = ctx.principal;
      await requireReauthentication(ctx, ctx.principal, input.password);
      const { shared, alone } = await ownedSharedOrganizations(ctx, userId);
      if (shared.length > 0) {
        const names = shared.map((org) => `"${org.name}"`).join(", ");
        throw new TRPCError({
          code: "CONFLICT",
          message: `You own ${names}, which others still use. Transfer ownership or delete ${shared.length > 1 ? "them" : "it"} first.`,
        });
      }
      // The personal organization, and any the user was alone in, go with the account.
      for (const org of [personalOrganizationId(userId), ...alone.map((o) => o.id)]) await purgeOrganization(ctx, org);
      const keys = await ctx.db.apikey.findMany({
        where: { metadata: { contains: `"createdById":"${userId}"` } },
        select: { id: true },
      });
      const memberships = await ctx.db.member.findMany({ where: { userId }, select: { organizationId: true } });
      await ctx.db.$transaction([
        ctx.db.apikey.deleteMany({ where: { id: { in: keys.map((k) => k.id) } } }),
        ctx.db.task.updateMany({ where: { assigneeId: userId }, data: { assigneeId: null } }),
        // Pending email-change notices (the old address) and trusted-device records (the user id).
        ctx.db.verification.deleteMany({
          where: { OR: [{ identifier: `email-change-notice:${userId}` }, { value: userId }] },
        }),
        // Sessions, sign-in methods, memberships, passkeys and 2FA go with the user (cascades).
        ctx.db.user.delete({ where: { id: userId } }),
      ]);
      for (const { organizationId } of memberships) {
        ctx.memberships.forget(organizationId, userId);
        await ctx.revocations.publish({ kind: "member", organizationId, userId });
      }
      await forgetKeys(ctx, keys);
      await audit(ctx, ctx.principal, {
        action: "user.deleted",
        organizationId: null,
        targetType: "user",
        targetId: userId,
        metadata: { organizationsDeleted: alone.length + 1, keysDeleted: keys.length },
      });
      return { deleted: true as const };
    }),
} satisfies TRPCRouterRecord;
