// files.purge-incomplete: uploads started and never completed (rows still pending past the
// upload URL's lifetime and a grace period). The object goes first, then the row, a
// batch at a time: a failure leaves the row for the next run, never an object without one.
import type { Db } from "@acme/db";
import type { ObjectStore } from "@acme/storage";

const BATCH = 200;

export async function purgeIncompleteUploads(
  db: Db,
  store: ObjectStore,
  olderThan: Date,
): Promise<{ removed: number }> {
  let removed = 0;
  for (;;) {
    const stale = await db.storedFile.findMany({
      where: { status: "pending", createdAt: { lt: olderThan } },
      select: { id: true, objectKey: true },
      orderBy: { createdAt: "asc" },
      take: BATCH,
    });
    for (const file of stale) {
      await store.remove(file.objectKey);
      // Still pending: an upload completed meanwhile is kept.
      const { count } = await db.storedFile.deleteMany({ where: { id: file.id, status: "pending" } });
      removed += count;
    }
    if (stale.length < BATCH) return { removed };
  }
}
