// The caller's own account (JWT sessions only: an API key acts for an
// organization, never for a person): download its data (at once as JSON, or as a full
// archive the worker builds), or delete it.
import { reauthenticate } from "@acme/auth";
import { PASSWORD_MAX } from "@acme/validators";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit";
import type { Context } from "../context";
import type { Principal } from "../principal";
import { sessionProcedure } from "../trpc";
import { accountArchiveOutput, archiveDownload, listArchives, requestArchive } from "./account-archive";
import { deleteAccount } from "./account-deletion";
import { accountExportOutput, exportAccount } from "./account-export";

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

  archives: ownAccount
    .meta({ permission: "none" })
    .input(z.void())
    .output(z.array(accountArchiveOutput))
    .query(({ ctx }) => listArchives(ctx, ctx.principal.userId)),

  requestArchive: ownAccount
    .meta({ permission: "none" })
    .input(z.void())
    .output(accountArchiveOutput)
    .mutation(({ ctx }) => requestArchive(ctx, ctx.principal)),

  archiveDownload: ownAccount
    .meta({ permission: "none" })
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ url: z.string(), expiresInSeconds: z.number().int() }))
    .mutation(({ ctx, input }) => archiveDownload(ctx, ctx.principal, input.id)),

  delete: ownAccount
    .meta({ permission: "none" })
    .input(z.object({ password: z.string().max(PASSWORD_MAX).optional() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const { userId } = ctx.principal;
      await requireReauthentication(ctx, ctx.principal, input.password);
      await deleteAccount(ctx, ctx.principal, userId);
      return { deleted: true as const };
    }),
} satisfies TRPCRouterRecord;
