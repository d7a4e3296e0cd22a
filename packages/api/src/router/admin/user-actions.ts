// What admins do to accounts: ban and unban, set the platform role, confirm an email
// address, create an account, delete one. Each change and its audit event commit in
// one transaction; a ban then cuts the user's access on every API instance.
import { banInForce, createAccountIn, hashAccountPassword } from "@acme/auth";
import { Prisma } from "@acme/db";
import { banUserInput, createUserInput, setRoleInput, userIdInput } from "@acme/validators";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, auditInput, recordAuditIn } from "../../audit";
import type { Context } from "../../context";
import { notFound } from "../../errors";
import type { Principal } from "../../principal";
import { deleteAccount } from "../account-deletion";
import { lockAdmins, refuseLastAdmin, requireStillAdmin } from "./last-admin";
import { adminWrite, tags } from "./procedures";
import { userOutput, withBanInForce } from "./user-list";

type Tx = Prisma.TransactionClient;
type Event = Parameters<typeof auditInput>[2];

const userEvent = (action: string, targetId: string, metadata?: Record<string, unknown>): Event => ({
  action,
  organizationId: null,
  targetType: "user",
  targetId,
  metadata,
});

const toOutput = (user: Prisma.UserGetPayload<object>) => withBanInForce(user);

/** The target, locked for this transaction; 404 when there is none. */
async function lockedUser(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM auth.users WHERE id = ${id} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw notFound("User");
  return user;
}

function refuse(code: "BAD_REQUEST" | "CONFLICT", message: string): never {
  throw new TRPCError({ code, message });
}

/** Actions on another account only; and admins are demoted before they can be banned or deleted. */
function notSelfNorAdmin(principal: Principal, target: { id: string; role: string }, what: string) {
  if (target.id === principal.userId) refuse("BAD_REQUEST", `You cannot ${what} your own account here`);
  if (target.role === "admin")
    refuse("CONFLICT", `This account is an admin: set its role to user first, then ${what} it`);
}

/** Cuts the user's access everywhere: every cached membership and key of theirs, on every instance. */
async function cutAccess(ctx: Context, userId: string) {
  ctx.memberships.forgetUser(userId);
  ctx.apiKeys.forgetCreatedBy(userId);
  await ctx.revocations.publish({ kind: "user", userId });
}

export const adminUserActions = {
  ban: adminWrite
    .meta({ openapi: { method: "POST", path: "/admin/users/{id}/ban", protect: true, tags, summary: "Ban a user" } })
    .input(banUserInput)
    .output(userOutput)
    .mutation(async ({ ctx, input }) => {
      const expires = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expires && expires <= new Date()) refuse("BAD_REQUEST", "The ban must end in the future");
      const user = await ctx.db.$transaction(async (tx) => {
        notSelfNorAdmin(ctx.principal, await lockedUser(tx, input.id), "ban");
        const banned = await tx.user.update({
          where: { id: input.id },
          data: { banned: true, banReason: input.reason, banExpires: expires },
        });
        const { count } = await tx.session.deleteMany({ where: { userId: input.id } });
        const metadata = { reason: input.reason, expiresAt: expires?.toISOString() ?? null, sessionsEnded: count };
        await recordAuditIn(tx, auditInput(ctx, ctx.principal, userEvent("user.banned", input.id, metadata)));
        return banned;
      });
      await cutAccess(ctx, input.id);
      return toOutput(user);
    }),

  unban: adminWrite
    .meta({
      openapi: { method: "POST", path: "/admin/users/{id}/unban", protect: true, tags, summary: "Lift a ban" },
    })
    .input(userIdInput)
    .output(userOutput)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.$transaction(async (tx) => {
        await lockedUser(tx, input.id);
        const lifted = await tx.user.update({
          where: { id: input.id },
          data: { banned: false, banReason: null, banExpires: null },
        });
        await recordAuditIn(tx, auditInput(ctx, ctx.principal, userEvent("user.unbanned", input.id)));
        return lifted;
      });
      await cutAccess(ctx, input.id); // cached refusals go too
      return toOutput(user);
    }),

  setRole: adminWrite
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/users/{id}/role",
        protect: true,
        tags,
        summary: "Set the platform role",
      },
    })
    .input(setRoleInput)
    .output(userOutput)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.$transaction(async (tx) => {
        await lockAdmins(tx);
        await requireStillAdmin(tx, ctx.principal.userId);
        const target = await lockedUser(tx, input.id);
        if (target.role === input.role) return target;
        if (input.role === "admin" && banInForce(target))
          refuse("CONFLICT", "Lift the ban before making them an admin");
        await refuseLastAdmin(tx, target.id, "This is the last admin: make someone else an admin first");
        const updated = await tx.user.update({ where: { id: input.id }, data: { role: input.role } });
        // A former admin's impersonations end with their role.
        if (input.role !== "admin") await tx.session.deleteMany({ where: { impersonatedBy: input.id } });
        const metadata = { role: input.role, previous: target.role };
        await recordAuditIn(tx, auditInput(ctx, ctx.principal, userEvent("user.role_set", input.id, metadata)));
        return updated;
      });
      return toOutput(user);
    }),

  verifyEmail: adminWrite
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/users/{id}/verify-email",
        protect: true,
        tags,
        summary: "Mark the email address verified",
      },
    })
    .input(userIdInput)
    .output(userOutput)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.$transaction(async (tx) => {
        const target = await lockedUser(tx, input.id);
        if (target.emailVerified) return target;
        const updated = await tx.user.update({ where: { id: input.id }, data: { emailVerified: true } });
        const event = userEvent("user.email_verified", input.id, { email: target.email });
        await recordAuditIn(tx, auditInput(ctx, ctx.principal, event));
        return updated;
      });
      return toOutput(user);
    }),

  create: adminWrite
    .meta({ openapi: { method: "POST", path: "/admin/users", protect: true, tags, summary: "Create a user" } })
    .input(createUserInput)
    .output(userOutput)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = input.password ? await hashAccountPassword(input.password) : undefined;
      try {
        const user = await ctx.db.$transaction(async (tx) => {
          const id = await createAccountIn(tx, { ...input, passwordHash });
          const metadata = {
            role: input.role,
            emailVerified: input.emailVerified,
            setup: passwordHash ? "admin-set" : "self-service",
          };
          await recordAuditIn(tx, auditInput(ctx, ctx.principal, userEvent("user.created", id, metadata)));
          return tx.user.findUniqueOrThrow({ where: { id } });
        });
        return toOutput(user);
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          refuse("CONFLICT", "An account with this email address already exists");
        }
        throw error;
      }
    }),

  sendPasswordReset: adminWrite
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/users/{id}/password-reset",
        protect: true,
        tags,
        summary: "Mail the user a password-reset link",
      },
    })
    .input(userIdInput)
    .output(z.object({ id: z.string(), sent: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUnique({ where: { id: input.id }, select: { email: true } });
      if (!user) throw notFound("User");
      try {
        await ctx.passwordResets.send(user.email);
      } catch (cause) {
        throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The link could not be sent; try again", cause });
      }
      await audit(ctx, ctx.principal, userEvent("user.password_reset_sent", input.id));
      return { id: input.id, sent: true as const };
    }),

  delete: adminWrite
    .meta({ openapi: { method: "DELETE", path: "/admin/users/{id}", protect: true, tags, summary: "Delete a user" } })
    .input(userIdInput)
    .output(z.object({ id: z.string(), deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const target = await ctx.db.user.findUnique({ where: { id: input.id }, select: { id: true, role: true } });
      if (!target) throw notFound("User");
      notSelfNorAdmin(ctx.principal, target, "delete");
      await deleteAccount(ctx, ctx.principal, input.id);
      await cutAccess(ctx, input.id);
      return { id: input.id, deleted: true as const };
    }),
} satisfies TRPCRouterRecord;
