// account.export: a user's full data archive. One zip (account.json, the same document
// as the in-page download, plus each file they uploaded, read from the store one at a
// time) streamed to a temporary file, then uploaded: memory stays flat however many
// files there are.
// Then a mail with a link to their profile, where a signed-in download hands out a
// short-lived URL. The archive is deleted when it expires (account.purge).
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { EXPORT_LIST_CAP, exportAccount } from "@acme/api/account-export";
import { deliver, type Mailer } from "@acme/auth/mail";
import type { Db } from "@acme/db";
import { exportReadyMail } from "@acme/email";
import type { ObjectStore } from "@acme/storage";
import { ZipFile } from "yazl";

export interface ExportSettings {
  /** How long a finished archive stays downloadable. */
  ttlHours: number;
  /** The web app, for the link in the mail. */
  webUrl: string;
  /** Null: no mail (production without SMTP); the profile page still shows the archive. */
  mailer: Mailer | null;
}

export const exportObjectKey = (userId: string, exportId: string) => `exports/${userId}/${exportId}.zip`;

/** A name safe inside a zip: no directories, no "..", nothing empty. */
const entryName = (name: string) => name.replace(/[/\\]/g, "_").replace(/^\.+/, "_").slice(0, 200) || "file";

async function writeArchive(db: Db, store: ObjectStore, userId: string, key: string): Promise<number> {
  const document = await exportAccount({ db }, userId);
  const files = await db.storedFile.findMany({
    where: { createdById: userId, status: "ready" },
    select: { id: true, organizationId: true, filename: true, objectKey: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORT_LIST_CAP,
  });
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(document, null, 2)), "account.json");
  for (const file of files) {
    zip.addReadStreamLazy(`files/${file.organizationId}/${file.id}-${entryName(file.filename)}`, (done) => {
      store.getStream(file.objectKey).then(
        (stream) => done(null, stream),
        (error) => done(error, undefined as never),
      );
    });
  }
  zip.end();
  const directory = await mkdtemp(join(tmpdir(), "account-export-"));
  try {
    const path = join(directory, "archive.zip");
    await pipeline(zip.outputStream, createWriteStream(path));
    await store.putFile(key, path, "application/zip");
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return files.length;
}

export async function buildExport(
  db: Db,
  store: ObjectStore,
  settings: ExportSettings,
  exportId: string,
): Promise<Record<string, unknown>> {
  const row = await db.accountExport.findUnique({ where: { id: exportId } });
  // Gone with its account, or built by an earlier attempt: nothing to do (idempotent).
  if (!row) return { skipped: "no such export" };
  if (row.status === "ready") return { skipped: "already built" };
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { name: true, email: true } });
  if (!user) return { skipped: "the account is gone" };
  await db.accountExport.update({ where: { id: exportId }, data: { status: "running", error: null } });
  try {
    const key = exportObjectKey(row.userId, exportId);
    const files = await writeArchive(db, store, row.userId, key);
    const size = (await store.stat(key))?.size ?? 0;
    const expiresAt = new Date(Date.now() + settings.ttlHours * 3_600_000);
    // Mail before "ready": a failed mail is retried with the rest (at worst, mailed twice).
    if (settings.mailer) {
      const url = `${settings.webUrl.replace(/\/$/, "")}/profile/security#your-data`;
      await deliver(settings.mailer, user.email, exportReadyMail(user.name, url, expiresAt));
    }
    const { count } = await db.accountExport.updateMany({
      where: { id: exportId },
      data: { status: "ready", objectKey: key, size: BigInt(size), finishedAt: new Date(), expiresAt },
    });
    if (count === 0) {
      // The account was deleted while this ran (its purge may have passed already).
      await store.remove(key);
      return { skipped: "the account is gone" };
    }
    return { files, bytes: size };
  } catch (error) {
    // The user sees it failed (retried until the job's last attempt); the message has no secret.
    const message = (error as Error).message.slice(0, 500);
    await db.accountExport.updateMany({ where: { id: exportId }, data: { status: "failed", error: message } });
    throw error;
  }
}
