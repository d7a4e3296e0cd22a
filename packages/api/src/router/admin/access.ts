// Ending one session or one key of anyone's, from the user's page in the console.
import { revokeKey } from "@acme/auth";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditInput, recordAuditIn } from "../../audit";
import { notFound } from "../../errors";
import { forgetKeys } from "../organization-purge";
import { adminWrite, tags } from "./procedures";

const idInput = z.object({ id: z.string().trim().min(1).max(200) });
const revokedOutput = z.object({ id: z.string(), revoked: z.literal(true) });

export const adminSessions = {
  revoke: adminWrite
    .meta({
      openapi: { method: "DELETE", path: "/admin/sessions/{id}", protect: true, tags, summary: "End a session" },
    })
    .input(idInput)
    .output(revokedOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.$transaction(async (tx) => {
        const session = await tx.session.findUnique({ where: { id: input.id }, select: { userId: true } });
        if (!session) throw notFound("Session");
        await tx.session.delete({ where: { id: input.id } });
        await recordAuditIn(
          tx,
          auditInput(ctx, ctx.principal, {
            action: "session.revoked",
            organizationId: null,
            targetType: "user",
            targetId: session.userId,
            metadata: { sessionId: input.id },
          }),
        );
      });
      return { id: input.id, revoked: true as const };
    }),
} satisfies TRPCRouterRecord;

export const adminApiKeys = {
  revoke: adminWrite
    .meta({
      openapi: { method: "DELETE", path: "/admin/api-keys/{id}", protect: true, tags, summary: "Revoke any API key" },
    })
    .input(idInput)
    .output(revokedOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.$transaction(async (tx) => {
        const key = await tx.apikey.findUnique({ where: { id: input.id }, select: { referenceId: true, name: true } });
        if (!key) throw notFound("API key");
        const outcome = await revokeKey(tx, input.id, null);
        if (outcome === "not_found") throw notFound("API key");
        if (outcome === "already_revoked") {
          throw new TRPCError({ code: "CONFLICT", message: "This key is already revoked" });
        }
        await recordAuditIn(
          tx,
          auditInput(ctx, ctx.principal, {
            action: "api_key.revoked",
            organizationId: key.referenceId,
            targetType: "api_key",
            targetId: input.id,
            metadata: { name: key.name },
          }),
        );
      });
      await forgetKeys(ctx, [{ id: input.id }]);
      return { id: input.id, revoked: true as const };
    }),
} satisfies TRPCRouterRecord;
