// The active organization's API keys. Only a JWT session whose role holds the
// apiKey permissions manages keys: a key cannot mint or revoke keys. The secret is
// returned once, at creation. A revoked key stays listed (revokedAt set) until it is purged.
import { summarizeKey } from "@acme/auth";
import { ADMIN_SCOPES, API_KEY_SCOPES, apiKeyIdInput, createApiKeyInput, pageInput } from "@acme/validators";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit";
import { notFound } from "../errors";
import { defineList, fromMillis, millis } from "../pagination/keyset";
import { readPage } from "../pagination/page";
import { sessionProcedure } from "../trpc";
import { pageOutput } from "./schemas";

const sessionOnly = sessionProcedure("API keys are managed from a signed-in session");

const KEYS = defineList({
  name: "apiKeys",
  table: "auth.api_keys",
  tenantColumn: "reference_id",
  columns: `id, name, start, permissions, enabled, ${millis("expires_at", "expiresAt")},
    ${millis("created_at", "createdAt")}, ${millis("last_request", "lastRequest")},
    ${millis("revoked_at", "revokedAt")}`,
  order: "newest",
  idType: "text",
});

interface KeyRow {
  _key: string;
  id: string;
  name: string | null;
  start: string | null;
  permissions: string | null;
  enabled: boolean | null;
  expiresAt: string | null;
  createdAt: string;
  lastRequest: string | null;
  revokedAt: string | null;
}

const keyFromRow = (row: KeyRow) =>
  summarizeKey({
    ...row,
    expiresAt: fromMillis(row.expiresAt),
    createdAt: new Date(Number(row.createdAt)),
    lastRequest: fromMillis(row.lastRequest),
    revokedAt: fromMillis(row.revokedAt),
  });

const keyOutput = z.object({
  id: z.string(),
  name: z.string().nullable(),
  start: z.string().nullable(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  expiresAt: z.date().nullable(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  enabled: z.boolean(),
  revokedAt: z.date().nullable(),
});

export const apiKeysRouter = {
  list: sessionOnly
    .meta({ permission: "apiKey:read" })
    .input(pageInput)
    .output(pageOutput(keyOutput))
    .query(({ ctx, input }) => readPage(ctx, KEYS, ctx.principal.organizationId, input, keyFromRow)),

  create: sessionOnly
    .meta({ permission: "apiKey:create" })
    .input(createApiKeyInput)
    .output(keyOutput.extend({ key: z.string() }))
    .mutation(async ({ ctx, input }) => {
      if (input.scopes.some((scope) => (ADMIN_SCOPES as readonly string[]).includes(scope))) {
        const user = await ctx.db.user.findUnique({ where: { id: ctx.principal.userId }, select: { role: true } });
        if (user?.role !== "admin") {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "Only platform admins can grant admin:read or admin:write",
          });
        }
      }
      const created = await ctx.apiKeyAdmin.create(ctx.principal.userId, input, ctx.principal.organizationId);
      await audit(ctx, ctx.principal, {
        action: "api_key.created",
        targetType: "api_key",
        targetId: created.id,
        metadata: { name: created.name, scopes: created.scopes, expiresAt: created.expiresAt?.toISOString() ?? null },
      });
      return created;
    }),

  revoke: sessionOnly
    .meta({ permission: "apiKey:delete" })
    .input(apiKeyIdInput)
    .output(z.object({ id: z.string(), revoked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const outcome = await ctx.apiKeyAdmin.revoke(ctx.principal.organizationId, input.id);
      if (outcome === "not_found") throw notFound("API key");
      if (outcome === "already_revoked")
        throw new TRPCError({ code: "CONFLICT", message: "This key is already revoked" });
      ctx.apiKeys.forgetKeyId(input.id);
      await ctx.revocations.publish({ kind: "key", keyId: input.id });
      await audit(ctx, ctx.principal, { action: "api_key.revoked", targetType: "api_key", targetId: input.id });
      return { id: input.id, revoked: true as const };
    }),
} satisfies TRPCRouterRecord;
