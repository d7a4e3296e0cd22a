// Files go straight to object storage through presigned URLs; the API keeps the
// row and checks what arrived. Scoped to the organization: another organization's
// file is NOT_FOUND. Members delete their own files; `file:manage` anyone's.
import { randomUUID } from "node:crypto";
import { type StoredFileRow, storedFileSelect } from "@acme/db";
import { createUploadInput, fileDownloadInput, fileIdInput, listInput, PREVIEWABLE_TYPES } from "@acme/validators";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit";
import { notFound } from "../errors";
import { checkType, SNIFF_BYTES } from "../files/sniff";
import { allows } from "../middleware/auth";
import { defineList, millis } from "../pagination/keyset";
import { readPage } from "../pagination/page";
import { authedProcedure, type Context } from "../trpc";
import { deletedOutput, fileOutput, pageOutput } from "./schemas";

/** "Files are limited to 25 MB": the limit as people read it. */
const sizeLimit = (bytes: number) => `Files are limited to ${Math.round((bytes / 1_048_576) * 10) / 10} MB`;

const read = authedProcedure.meta({ permission: "file:read" });
const create = authedProcedure.meta({ permission: "file:create" });
const remove = authedProcedure.meta({ permission: "file:delete" });
const tags = ["files"];
/** Past the upload URL's lifetime plus this, an upload can no longer be completed (the worker purges it an hour later). */
const COMPLETE_SLACK_SECONDS = 5 * 60;

const toOutput = (row: StoredFileRow) => ({ ...row, size: Number(row.size) });

const FILES = defineList({
  name: "files",
  table: "api.stored_files",
  tenantColumn: "organization_id",
  columns: `id::text, filename, content_type AS "contentType", size::text, status::text, ${millis("created_at", "createdAt")}`,
  order: "newest",
  idType: "uuid",
  filters: { status: 'status = $?::api."FileStatus"' },
});

interface FileRow {
  _key: string;
  _total?: string;
  id: string;
  filename: string;
  contentType: string;
  size: string;
  status: "pending" | "ready";
  createdAt: string;
}

const fileFromRow = ({ _key, _total, size, createdAt, ...row }: FileRow) => ({
  ...row,
  size: Number(size),
  createdAt: new Date(Number(createdAt)),
});

async function ownFile(ctx: Context & { principal: { organizationId: string } }, id: string) {
  const row = await ctx.db.storedFile.findFirst({
    where: { id, organizationId: ctx.principal.organizationId },
    select: { ...storedFileSelect, objectKey: true },
  });
  if (!row) throw notFound("File");
  return row;
}

async function discard(ctx: Context, id: string, objectKey: string): Promise<void> {
  await ctx.store.remove(objectKey);
  await ctx.db.storedFile.deleteMany({ where: { id } });
}

export const filesRouter = {
  createUpload: create
    .meta({ openapi: { method: "POST", path: "/files", protect: true, tags, summary: "Start an upload" } })
    .input(createUploadInput)
    .output(z.object({ file: fileOutput, uploadUrl: z.string(), expiresInSeconds: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      if (input.size > ctx.files.maxBytes) {
        throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: sizeLimit(ctx.files.maxBytes) });
      }
      // Fail before writing anything when the store is down: no orphan row.
      if (!(await ctx.store.ping())) {
        throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "File storage is unavailable" });
      }
      const id = randomUUID();
      const { organizationId, userId } = ctx.principal;
      const objectKey = `${organizationId}/${id}`;
      const uploadUrl = await ctx.store.presignedPut(objectKey, ctx.files.uploadUrlTtlSeconds);
      const row = await ctx.db.storedFile.create({
        data: { id, organizationId, createdById: userId, objectKey, ...input, size: BigInt(input.size) },
        select: storedFileSelect,
      });
      return { file: toOutput(row), uploadUrl, expiresInSeconds: ctx.files.uploadUrlTtlSeconds };
    }),

  completeUpload: create
    .meta({
      openapi: { method: "POST", path: "/files/{id}/complete", protect: true, tags, summary: "Finish an upload" },
    })
    .input(fileIdInput)
    .output(fileOutput)
    .mutation(async ({ ctx, input }) => {
      const row = await ownFile(ctx, input.id);
      if (row.status === "ready") return toOutput(row);
      // Past its upload URL's lifetime (and a few minutes' slack) an upload is abandoned:
      // the worker's purge may be removing it, so completing it now could keep a row
      // whose object is gone.
      if (Date.now() - row.createdAt.getTime() > (ctx.files.uploadUrlTtlSeconds + COMPLETE_SLACK_SECONDS) * 1000) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "This upload expired; start a new one" });
      }
      const stat = await ctx.store.stat(row.objectKey);
      if (!stat) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Nothing was uploaded yet: PUT the file to uploadUrl first",
        });
      }
      const refuse = async (message: string) => {
        await discard(ctx, row.id, row.objectKey);
        return new TRPCError({ code: "BAD_REQUEST", message: `${message}; the upload was discarded` });
      };
      if (stat.size > ctx.files.maxBytes) throw await refuse(sizeLimit(ctx.files.maxBytes));
      if (stat.size !== Number(row.size)) {
        throw await refuse(`The upload is ${stat.size} bytes, not the ${row.size} declared`);
      }
      const verdict = checkType(row.contentType, await ctx.store.head(row.objectKey, SNIFF_BYTES));
      if (!verdict.ok) throw await refuse(verdict.reason);
      // Only while still pending: a row purged meanwhile is a 404, never a 500.
      const { count } = await ctx.db.storedFile.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "ready", contentType: verdict.contentType },
      });
      if (count === 0) throw notFound("File");
      return toOutput(await ownFile(ctx, row.id));
    }),

  list: read
    .meta({ openapi: { method: "GET", path: "/files", protect: true, tags, summary: "List the organization's files" } })
    .input(listInput({ status: z.enum(["pending", "ready"]).optional() }))
    .output(pageOutput(fileOutput))
    .query(({ ctx, input }) => readPage(ctx, FILES, ctx.principal.organizationId, input, fileFromRow)),

  downloadUrl: read
    .meta({
      openapi: {
        method: "GET",
        path: "/files/{id}/download",
        protect: true,
        tags,
        summary: "A short-lived download URL",
        description:
          "`disposition=inline` asks for a preview URL instead: the browser shows the file in place. Only for " +
          "the types it shows safely (PNG, JPEG, GIF, WebP, PDF); others answer 400.",
      },
    })
    .input(fileDownloadInput)
    .output(z.object({ url: z.string(), expiresInSeconds: z.number().int() }))
    .query(async ({ ctx, input }) => {
      const row = await ownFile(ctx, input.id);
      if (row.status !== "ready") throw notFound("File");
      const inline = input.disposition === "inline";
      if (inline && !(PREVIEWABLE_TYPES as readonly string[]).includes(row.contentType)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "This type of file cannot be previewed; download it" });
      }
      const ttl = ctx.files.downloadUrlTtlSeconds;
      const url = await ctx.store.presignedGet(
        row.objectKey,
        ttl,
        row.filename,
        inline ? { contentType: row.contentType } : undefined,
      );
      return { url, expiresInSeconds: ttl };
    }),

  delete: remove
    .meta({ openapi: { method: "DELETE", path: "/files/{id}", protect: true, tags, summary: "Delete a file" } })
    .input(fileIdInput)
    .output(deletedOutput)
    .mutation(async ({ ctx, input }) => {
      // Idempotent, and silent about ids that are not yours.
      const { organizationId, userId } = ctx.principal;
      const own = allows(ctx.principal, "file:manage") ? {} : { createdById: userId };
      const row = await ctx.db.storedFile.findFirst({
        where: { id: input.id, organizationId, ...own },
        select: { id: true, objectKey: true },
      });
      if (!row) return { id: input.id, deleted: false };
      await discard(ctx, row.id, row.objectKey);
      await audit(ctx, ctx.principal, { action: "file.deleted", targetType: "file", targetId: row.id });
      return { id: input.id, deleted: true };
    }),
} satisfies TRPCRouterRecord;
