// Retention: removes each chain's events older than the cutoff, oldest first and without
// a gap (everything up to the newest old event's seq), so every chain still verifies:
// it then starts at a later seq. Rows in a chain are ordered by seq; their times follow
// transaction starts, so a chain's cut is made by seq, never by time alone.
import type { Db } from "../client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes events older than `days` days; how many went. */
export async function purgeAuditEvents(db: Db, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return db.$executeRaw`
    DELETE FROM api.audit_events AS e
    USING (SELECT chain, max(seq) AS upto FROM api.audit_events WHERE created_at < ${cutoff} GROUP BY chain) AS old
    WHERE e.chain = old.chain AND e.seq <= old.upto`;
}
