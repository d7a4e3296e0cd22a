// An organization's logo, through the same presigned flow as files: the browser
// PUTs the image straight to storage, the API checks what arrived (size, and that
// the bytes are the image type declared) and only then points the organization at
// it, removing the previous logo. Reads get a short-lived presigned URL.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { SNIFF_BYTES, sniffType } from "../files/sniff";
import { authedProcedure, type Context } from "../trpc";

export const LOGO_MAX_BYTES = 1_048_576;
const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
const LOGO_URL_SECONDS = 3600;
const tags = ["organization"];

const logoKey = (organizationId: string, uploadId: string) => `${organizationId}/logo/${uploadId}`;

/**
 * A presigned URL for the organization's logo, or null without one. Only objects
 * under the organization's own logo prefix are ever signed: a logo value pointing
 * anywhere else (another tenant's file) is ignored.
 */
export async function logoUrl(ctx: Context, organizationId: string, logo: string | null): Promise<string | null> {
  if (!logo?.startsWith(`${organizationId}/logo/`)) return null;
  return ctx.store.presignedGet(logo, LOGO_URL_SECONDS);
}

export const logoRouter = {
  createLogoUpload: authedProcedure
    .meta({
      permission: "organization:update",
      openapi: { method: "POST", path: "/organization/logo", protect: true, tags, summary: "Start a logo upload" },
    })
    .input(
      z.object({
        contentType: z.enum(LOGO_TYPES),
        size: z.number().int().min(1).max(LOGO_MAX_BYTES, "Logos are limited to 1 MB"),
      }),
    )
    .output(z.object({ uploadId: z.string(), uploadUrl: z.string(), expiresInSeconds: z.number().int() }))
    .mutation(async ({ ctx }) => {
      if (!(await ctx.store.ping())) {
        throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "File storage is unavailable" });
      }
      const uploadId = randomUUID();
      const ttl = ctx.files.uploadUrlTtlSeconds;
      const uploadUrl = await ctx.store.presignedPut(logoKey(ctx.principal.organizationId, uploadId), ttl);
      return { uploadId, uploadUrl, expiresInSeconds: ttl };
    }),

  completeLogoUpload: authedProcedure
    .meta({
      permission: "organization:update",
      openapi: {
        method: "POST",
        path: "/organization/logo/{uploadId}/complete",
        protect: true,
        tags,
        summary: "Use the uploaded image as the logo",
      },
    })
    .input(z.object({ uploadId: z.uuid("Not an upload id") }))
    .output(z.object({ logoUrl: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { organizationId } = ctx.principal;
      const key = logoKey(organizationId, input.uploadId);
      const stat = await ctx.store.stat(key);
      if (!stat) throw new TRPCError({ code: "NOT_FOUND", message: "Nothing was uploaded for this logo" });
      const sniffed = stat.size <= LOGO_MAX_BYTES ? sniffType(await ctx.store.head(key, SNIFF_BYTES)) : null;
      if (!sniffed || !(LOGO_TYPES as readonly string[]).includes(sniffed)) {
        await ctx.store.remove(key);
        throw new TRPCError({ code: "BAD_REQUEST", message: "The logo must be a PNG, JPEG or WebP image under 1 MB" });
      }
      const before = await ctx.db.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { logo: true },
      });
      await ctx.db.organization.update({ where: { id: organizationId }, data: { logo: key } });
      // Only ever our own logo objects: a logo value pointing elsewhere is not ours to delete.
      if (before.logo && before.logo !== key && before.logo.startsWith(`${organizationId}/logo/`)) {
        await ctx.store.remove(before.logo);
      }
      return { logoUrl: (await logoUrl(ctx, organizationId, key)) ?? "" };
    }),
};
