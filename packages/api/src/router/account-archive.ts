// The full data archive (JSON and the files themselves), too large for a request: the
// user asks for one, the worker's account.export builds it and mails them; they see its
// status here and download it through a short-lived URL while it lasts. One in progress
// at a time, a few a day.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { audit, auditInput, recordAuditIn } from "../audit";
import type { Context } from "../context";
import { within } from "../jobs/within";
import type { Principal } from "../principal";

/** Requests per user in 24 hours (each reads every row and file they have). */
export const EXPORTS_PER_DAY = 3;
export const EXPORT_DOWNLOAD_URL_SECONDS = 300;
const DAY_MS = 86_400_000;

export const accountArchiveOutput = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "ready", "failed"]),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  size: z.number().nullable(),
  error: z.string().nullable(),
});

type ArchiveRow = {
  id: string;
  status: z.infer<typeof accountArchiveOutput>["status"];
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
  size: bigint | null;
  error: string | null;
};

const toOutput = (row: ArchiveRow) => ({
  id: row.id,
  status: row.status,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
  expiresAt: row.expiresAt,
  size: row.size === null ? null : Number(row.size),
  error: row.error,
});

/** The caller's archives, newest first (expired ones are gone). */
export async function listArchives(ctx: Pick<Context, "db">, userId: string) {
  const rows = await ctx.db.accountExport.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
  });
  return rows.map(toOutput);
}

/** Queues an archive: the row, its job and the audit event commit together, or none does. */
export async function requestArchive(ctx: Context, principal: Principal) {
  const { userId } = principal;
  const row = await ctx.db.$transaction(async (tx) => {
    // One request at a time per user: the checks below see every earlier request.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`account-export:${userId}`}))`;
    const recent = await tx.accountExport.findMany({
      where: { userId, createdAt: { gt: new Date(Date.now() - DAY_MS) } },
      select: { status: true },
    });
    if (recent.some((r) => r.status === "queued" || r.status === "running")) {
      throw new TRPCError({ code: "CONFLICT", message: "An export is already being prepared; we will mail you" });
    }
    if (recent.length >= EXPORTS_PER_DAY) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `At most ${EXPORTS_PER_DAY} exports a day; download the latest one, or try again tomorrow`,
      });
    }
    const created = await tx.accountExport.create({ data: { userId } });
    try {
      await ctx.jobs.send("account.export", { exportId: created.id, userId }, within(tx));
    } catch (cause) {
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "Exports cannot be prepared right now; try again later",
        cause,
      });
    }
    await recordAuditIn(
      tx,
      auditInput(ctx, principal, {
        action: "data.exported",
        targetType: "user",
        targetId: userId,
        metadata: { archive: true, exportId: created.id },
      }),
    );
    return created;
  });
  return toOutput(row);
}

/** A URL for the caller's own ready archive, valid a few minutes; 404 for anything else. */
export async function archiveDownload(ctx: Context, principal: Principal, id: string) {
  const row = await ctx.db.accountExport.findFirst({
    where: { id, userId: principal.userId, status: "ready", expiresAt: { gt: new Date() } },
    select: { objectKey: true, createdAt: true },
  });
  if (!row?.objectKey) throw new TRPCError({ code: "NOT_FOUND", message: "No such export, or it has expired" });
  const name = `platform-account-${row.createdAt.toISOString().slice(0, 10)}.zip`;
  const url = await ctx.store.presignedGet(row.objectKey, EXPORT_DOWNLOAD_URL_SECONDS, name);
  await audit(ctx, principal, {
    action: "data.downloaded",
    targetType: "user",
    targetId: principal.userId,
    metadata: { exportId: id },
  });
  return { url, expiresInSeconds: EXPORT_DOWNLOAD_URL_SECONDS };
}
