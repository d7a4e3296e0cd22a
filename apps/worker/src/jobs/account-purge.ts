// account.purge: stored objects whose rows are gone. A deleted organization or account
// leaves an ObjectPurge row (written in the deletion's transaction); this removes every
// object under its prefix, a batch at a time, then the row. Expired data exports go the
// same way. A failure leaves the row for the next run: nothing is forgotten.
import type { Db } from "@acme/db";
import type { ObjectStore } from "@acme/storage";

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

async function expireExports(db: Db, store: ObjectStore, now: Date): Promise<number> {
  let expired = 0;
  for (;;) {
    const rows = await db.accountExport.findMany({
      where: { expiresAt: { lt: now } },
      select: { id: true, objectKey: true },
      orderBy: { expiresAt: "asc" },
      take: ROWS_PER_BATCH,
    });
    const keys = rows.flatMap((row) => (row.objectKey ? [row.objectKey] : []));
    await store.removeMany(keys);
    await db.accountExport.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    expired += rows.length;
    if (rows.length < ROWS_PER_BATCH) return expired;
  }
}

export async function purgeDeletedObjects(
  db: Db,
  store: ObjectStore,
  now = new Date(),
): Promise<{ prefixes: number; objects: number; exportsExpired: number; refused: number }> {
  const result = { prefixes: 0, objects: 0, exportsExpired: await expireExports(db, store, now), refused: 0 };
  const refused: string[] = [];
  for (;;) {
    const rows = await db.objectPurge.findMany({
      where: { id: { notIn: refused } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: ROWS_PER_BATCH,
    });
    for (const row of rows) {
      if (!SAFE_PREFIX.test(row.prefix)) {
        refused.push(row.id);
        continue;
      }
      result.objects += await emptyPrefix(store, row.prefix);
      await db.objectPurge.deleteMany({ where: { id: row.id } });
      result.prefixes++;
    }
    if (rows.length < ROWS_PER_BATCH) return { ...result, refused: refused.length };
  }
}
