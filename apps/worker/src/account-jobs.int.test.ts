// The account jobs on real Postgres and the S3 server: account.purge empties each
// purged prefix (and nothing next to it), removes expired exports, refuses a prefix that
// would empty the bucket, and a second run changes nothing; account.export streams a
// zip (account.json plus each file) into the store, mails the owner, and a second run
// changes nothing; through pg-boss, a queued export is built by a running worker.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { DevOutbox } from "@acme/auth/mail";
import { closeDb, createDb, type Db } from "@acme/db";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { JobQueue } from "@acme/jobs/queue";
import { ObjectStore } from "@acme/storage";
import { type EmbeddedS3, startEmbeddedS3 } from "@acme/storage/embedded";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fromBuffer } from "yauzl";
import { purgeDeletedObjects } from "./jobs/account-purge";
import { handlersFor, startWorker } from "./worker";

/** Each entry of a zip and its content. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry) => {
        zip.openReadStream(entry, async (failed, stream: Readable) => {
          if (failed) return reject(failed);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

describe("the account jobs", () => {
  let database: TestDatabase;
  let db: Db;
  let s3: EmbeddedS3;
  let store: ObjectStore;
  let s3Dir = "";
  const outbox = new DevOutbox({ info: () => {} });
  const settings = () => ({
    uploadTtlSeconds: 600,
    uploadGraceMinutes: 60,
    authGraceDays: 7,
    auditRetentionDays: 365,
    exports: { ttlHours: 24, webUrl: "http://web.test", mailer: outbox },
  });
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 4 });
    s3Dir = mkdtempSync(join(tmpdir(), "account-jobs-s3-"));
    s3 = await startEmbeddedS3({ directory: s3Dir, port: 0 });
    store = new ObjectStore({ ...s3, bucket: "account-jobs", region: "us-east-1" });
    await store.ensureBucket();
  });
  afterAll(async () => {
    if (db) await closeDb(db);
    await s3?.stop();
    rmSync(s3Dir, { recursive: true, force: true });
    await database?.drop();
  });

  it("empties each purged prefix in batches, keeps its neighbours, expires exports, refuses unsafe prefixes", async () => {
    const purged = Array.from({ length: 1203 }, (_, i) => `org-gone/${String(i).padStart(4, "0")}`);
    for (const key of purged) await store.put(key, "x");
    await store.put("org-gone-not/kept", "x");
    await db.objectPurge.createMany({
      data: [
        { prefix: "org-gone/", reason: "organization.deleted" },
        { prefix: "exports/", reason: "a bug must not empty every export" },
      ],
    });
    const hour = 3_600_000;
    const ago = (ms: number) => new Date(Date.now() - ms);
    const old = await db.accountExport.create({
      data: { userId: "u-old", status: "ready", objectKey: "", expiresAt: ago(hour) },
    });
    await store.put(`exports/u-old/${old.id}.zip`, "zip");
    const fresh = await db.accountExport.create({
      data: { userId: "u-new", status: "ready", objectKey: "", expiresAt: ago(-hour) },
    });
    await store.put(`exports/u-new/${fresh.id}.zip`, "zip");
    // Lost with its worker 12 hours ago: failed now; one never ready past the exports' lifetime is removed.
    await db.accountExport.create({ data: { userId: "u-stuck", status: "running", createdAt: ago(12 * hour) } });
    const abandoned = await db.accountExport.create({
      data: { userId: "u-abandoned", status: "failed", createdAt: ago(30 * hour) },
    });
    await store.put(`exports/u-abandoned/${abandoned.id}.zip`, "partial");

    const purge = handlersFor(db, store, settings())["account.purge"];
    expect(await purge({}, { id: "direct" })).toEqual({
      emptied: 1,
      finished: 0,
      objects: 1203,
      exportsExpired: 2,
      refused: 1,
    });
    expect(await store.listKeys("org-gone/", 10)).toEqual([]);
    expect(await store.listKeys("", 10)).toEqual([`exports/u-new/${fresh.id}.zip`, "org-gone-not/kept"]);
    expect((await db.accountExport.findMany({ orderBy: { userId: "asc" } })).map((r) => [r.userId, r.status])).toEqual([
      ["u-new", "ready"],
      ["u-stuck", "failed"],
    ]);
    // An upload URL handed out before the deletion lands an object: the next run removes it too.
    await store.put("org-gone/late", "x");
    expect(await purge({}, { id: "direct" })).toMatchObject({ emptied: 1, objects: 1, finished: 0, refused: 1 });
    // Once no such URL can be valid, the prefix is emptied a last time and its row goes.
    const later = new Date(Date.now() + 2 * hour);
    const window = { uploadWindowMs: 15 * 60_000, exportTtlMs: 24 * hour };
    expect(await purgeDeletedObjects(db, store, window, later)).toMatchObject({ emptied: 1, finished: 1, refused: 1 });
    expect((await db.objectPurge.findMany()).map((row) => row.prefix)).toEqual(["exports/"]);
  }, 60_000);

  it("streams a zip of the account and its files into the store, mails the owner, and is idempotent", async () => {
    await db.user.create({ data: { id: "u-export", name: "Ada", email: "ada@example.test", emailVerified: true } });
    await db.organization.create({ data: { id: "org-export", name: "Export", slug: "org-export" } });
    const files = [
      { name: "notes.txt", body: "hello" },
      { name: "../../escape.bin", body: Buffer.alloc(300_000, 7) },
      // Its object was removed meanwhile: listed, not fatal.
      { name: "gone.txt", body: null },
    ];
    const ids: string[] = [];
    for (const file of files) {
      const row = await db.storedFile.create({
        data: {
          organizationId: "org-export",
          createdById: "u-export",
          objectKey: `org-export/${file.name.length}`,
          filename: file.name,
          contentType: "application/octet-stream",
          size: BigInt(file.body ? Buffer.byteLength(file.body) : 1),
          status: "ready",
        },
      });
      if (file.body) await store.put(row.objectKey, file.body);
      ids.push(row.id);
    }
    await db.task.create({ data: { organizationId: "org-export", createdById: "u-export", title: "Ship it" } });
    const request = await db.accountExport.create({ data: { userId: "u-export" } });

    const build = handlersFor(db, store, settings())["account.export"];
    expect(await build({ exportId: request.id, userId: "u-export" }, { id: "direct" })).toMatchObject({ files: 3 });
    const row = await db.accountExport.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: "ready", objectKey: `exports/u-export/${request.id}.zip`, error: null });
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const zip = await unzip(await store.get(row.objectKey ?? ""));
    expect(Number(row.size)).toBeGreaterThan(0);
    const gone = `files/org-export/${ids[2]}-gone.txt`;
    expect([...zip.keys()].sort()).toEqual(
      [
        "account.json",
        "missing-files.txt",
        `files/org-export/${ids[0]}-notes.txt`,
        `files/org-export/${ids[1]}-__.._escape.bin`,
        gone,
      ].sort(),
    );
    expect(zip.get(gone)?.length).toBe(0);
    expect(zip.get("missing-files.txt")?.toString()).toContain(gone);
    const document = JSON.parse(zip.get("account.json")?.toString() ?? "{}");
    expect(document.profile.email).toBe("ada@example.test");
    expect(document.tasks.items.map((t: { title: string }) => t.title)).toEqual(["Ship it"]);
    expect(zip.get(`files/org-export/${ids[0]}-notes.txt`)?.toString()).toBe("hello");
    expect(zip.get(`files/org-export/${ids[1]}-__.._escape.bin`)?.equals(files[1]?.body as Buffer)).toBe(true);

    const mail = outbox.latest("ada@example.test", "export is ready");
    expect(mail?.text).toContain("http://web.test/profile/security#your-data");
    expect(await build({ exportId: request.id, userId: "u-export" }, { id: "direct" })).toEqual({
      skipped: "already built",
    });
    expect(outbox.list().filter((m) => m.to === "ada@example.test")).toHaveLength(1);
  }, 60_000);

  it("removes the archive of an export whose account was deleted meanwhile", async () => {
    await db.user.create({ data: { id: "u-gone", name: "Cy", email: "cy@example.test" } });
    const request = await db.accountExport.create({ data: { userId: "u-gone" } });
    // An earlier attempt stored the archive, then the account was deleted (its rows with it).
    const key = `exports/u-gone/${request.id}.zip`;
    await store.put(key, "zip");
    await db.accountExport.delete({ where: { id: request.id } });
    await db.user.delete({ where: { id: "u-gone" } });
    const build = handlersFor(db, store, settings())["account.export"];
    expect(await build({ exportId: request.id, userId: "u-gone" }, { id: "direct" })).toEqual({
      skipped: "the export or its account is gone",
    });
    expect(await store.stat(key)).toBeNull();
  });

  it("builds a queued export on a running worker", async () => {
    await db.user.create({ data: { id: "u-queued", name: "Bo", email: "bo@example.test" } });
    const request = await db.accountExport.create({ data: { userId: "u-queued" } });
    const queue = new JobQueue({ connectionString: database.url, pollingIntervalSeconds: 0.5 });
    const worker = await startWorker({
      queue,
      handlers: handlersFor(db, store, settings()),
      logger: pino({ level: "silent" }),
      pollingIntervalSeconds: 0.5,
    });
    try {
      await queue.send("account.export", { exportId: request.id, userId: "u-queued" });
      await vi.waitFor(
        async () =>
          expect((await db.accountExport.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("ready"),
        { timeout: 20_000, interval: 300 },
      );
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
