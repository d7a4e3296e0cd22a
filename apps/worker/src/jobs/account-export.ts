// account.export: a user's full data archive. One zip (account.json, the same document
// as the in-page download, plus each file they uploaded, read from the store one at a
// time) streamed to a temporary file, then uploaded: memory stays flat however many
// files there are.
// Then a mail with a link to their profile, where a signed-in download hands out a
// short-lived URL. The archive is deleted when it expires (account.purge).
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
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

/** Temporary archives older than this are from a worker that died mid-export: removed at start. */
const STALE_TEMP_MS = 2 * 3_600_000;
const TEMP_PREFIX = "account-export-";

async function writeArchive(db: Db, store: ObjectStore, userId: string, key: string): Promise<number> {
  const document = await exportAccount({ db }, userId);
  const files = await db.storedFile.findMany({
    where: { createdById: userId, status: "ready" },
    select: { id: true, organizationId: true, filename: true, objectKey: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORT_LIST_CAP,
  });
  const zip = new ZipFile();
  // yazl reports a failed entry on the zip, not on its output: end the output with it,
  // so the pipeline below rejects (the job fails and is retried) instead of the process dying.
  zip.on("error", (error: Error) => (zip.outputStream as Readable).destroy(error));
  zip.addBuffer(Buffer.from(JSON.stringify(document, null, 2)), "account.json");
  const missing: string[] = [];
  for (const file of files) {
    const name = `files/${file.organizationId}/${file.id}-${entryName(file.filename)}`;
    zip.addReadStreamLazy(name, (done) => {
      (async () => {
        // A row whose object is gone (removed meanwhile): an empty entry, listed in missing-files.txt.
        if (!(await store.stat(file.objectKey))) {
          missing.push(name);
          return Readable.from([]);
        }
        const stream = await store.getStream(file.objectKey);
        stream.once("error", (error) => (zip.outputStream as Readable).destroy(error));
        return stream;
      })().then(
        (stream) => done(null, stream),
        (error) => done(error, undefined as never),
      );
    });
  }
  zip.addReadStreamLazy("missing-files.txt", (done) => {
    const text = missing.length ? `Stored objects not found when the archive was made:\n${missing.join("\n")}\n` : "";
    done(null, Readable.from([Buffer.from(text)]));
  });
  zip.end();
  const directory = await mkdtemp(join(tmpdir(), TEMP_PREFIX));
  try {
    const path = join(directory, "archive.zip");
    await pipeline(zip.outputStream, createWriteStream(path));
    await store.putFile(key, path, "application/zip");
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return files.length;
}

/** Removes temporary archives left by a worker that died mid-export (they hold personal data). */
export async function removeStaleTemporaryArchives(now = Date.now()): Promise<void> {
  for (const entry of await readdir(tmpdir(), { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(TEMP_PREFIX)) continue;
    const path = join(tmpdir(), entry.name);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs > STALE_TEMP_MS) await rm(path, { recursive: true, force: true });
  }
}

export async function buildExport(
  db: Db,
  store: ObjectStore,
  settings: ExportSettings,
  payload: { exportId: string; userId: string },
): Promise<Record<string, unknown>> {
  const { exportId, userId } = payload;
  const key = exportObjectKey(userId, exportId);
  const row = await db.accountExport.findUnique({ where: { id: exportId } });
  if (row?.status === "ready") return { skipped: "already built" };
  const user = row && (await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true } }));
  if (!row || row.userId !== userId || !user) {
    // Gone with its account: an archive an earlier attempt stored goes too (idempotent).
    await store.remove(key);
    return { skipped: "the export or its account is gone" };
  }
  await db.accountExport.update({ where: { id: exportId }, data: { status: "running", error: null } });
  try {
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
    // The user sees it failed (retried until the job's last attempt); the message has no
    // secret. Best effort: Postgres or the store may be what failed; the job's error is this one.
    const message = (error as Error).message.slice(0, 500);
    await store.remove(key).catch(() => undefined);
    await db.accountExport
      .updateMany({ where: { id: exportId }, data: { status: "failed", error: message } })
      .catch(() => undefined);
    throw error;
  }
}
