// account.purge: stored objects whose rows are gone. A deleted organization or account
// leaves an ObjectPurge row (written in the deletion's transaction); this removes every
// object under its prefix, a batch at a time, and again on each run until no upload URL
// from before the deletion can still add one; then the row goes. Expired or abandoned
// data exports go too. A failure leaves the row for the next run: nothing is forgotten.
import type { Db } from "@acme/db";
import type { ObjectStore } from "@acme/storage";
import { exportObjectKey } from "./account-export";

const OBJECTS_PER_BATCH = 500;
const ROWS_PER_BATCH = 100;

/**
 * A prefix this job may empty: "<id>/" or "exports/<id>/", never "", "/" or "exports/"
 * (which would empty the bucket, or every export). A row that fails this is left for a person to look at.
 */
export const SAFE_PREFIX = /^(?!exports\/$)(exports\/)?[A-Za-z0-9_-][A-Za-z0-9_.-]*\/$/;

async function emptyPrefix(store: ObjectStore, prefix: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const keys = await store.listKeys(prefix, OBJECTS_PER_BATCH);
    if (keys.length === 0) return removed;
    await store.removeMany(keys);
    removed += keys.length;
  }
}

/** Queued or running this long, an export cannot still be in progress (a run's timeout times its attempts). */
const STUCK_EXPORT_MS = 8 * 3_600_000;

export interface PurgeSettings {
  /** Upload URLs handed out before a deletion still work this long: the prefix is emptied again until then. */
  uploadWindowMs: number;
  /** An export not ready this long after it was asked for is over (failed, or lost with its worker). */
  exportTtlMs: number;
}

async function expireExports(db: Db, store: ObjectStore, now: Date, settings: PurgeSettings): Promise<number> {
  await db.accountExport.updateMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lt: new Date(now.getTime() - STUCK_EXPORT_MS) } },
    data: { status: "failed", error: "The export did not finish; ask for a new one" },
  });
  let expired = 0;
  for (;;) {
    const rows = await db.accountExport.findMany({
      where: {
        OR: [
          { expiresAt: { lt: now } },
          { expiresAt: null, createdAt: { lt: new Date(now.getTime() - settings.exportTtlMs) } },
        ],
      },
      select: { id: true, userId: true },
      take: ROWS_PER_BATCH,
    });
    // The key an attempt may have stored, whatever the row says (a failed run may have left one).
    await store.removeMany(rows.map((row) => exportObjectKey(row.userId, row.id)));
    await db.accountExport.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    expired += rows.length;
    if (rows.length < ROWS_PER_BATCH) return expired;
  }
}

export interface PurgeResult {
  /** Prefixes emptied this run; `finished` of them are done (their rows removed). */
  emptied: number;
  finished: number;
  objects: number;
  exportsExpired: number;
  /** Rows with a prefix this job will not touch (left for a person). */
  refused: number;
}

export async function purgeDeletedObjects(
  db: Db,
  store: ObjectStore,
  settings: PurgeSettings,
  now = new Date(),
): Promise<PurgeResult> {
  const result = { emptied: 0, finished: 0, objects: 0, exportsExpired: await expireExports(db, store, now, settings) };
  const seen: string[] = [];
  let refused = 0;
  for (;;) {
    const rows = await db.objectPurge.findMany({
      where: { id: { notIn: seen } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: ROWS_PER_BATCH,
    });
    for (const row of rows) {
      seen.push(row.id);
      if (!SAFE_PREFIX.test(row.prefix)) {
        refused++;
        continue;
      }
      result.objects += await emptyPrefix(store, row.prefix);
      result.emptied++;
      // Kept while an upload URL from before the deletion may still land an object here.
      if (row.createdAt.getTime() < now.getTime() - settings.uploadWindowMs) {
        await db.objectPurge.deleteMany({ where: { id: row.id } });
        result.finished++;
      }
    }
    if (rows.length < ROWS_PER_BATCH) return { ...result, refused };
  }
}
