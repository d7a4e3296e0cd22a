// pnpm audit:purge: removes audit events older than AUDIT_RETENTION_DAYS (365 by default).
import { closeDb, getDb } from "../client";
import { dbEnv } from "../env";
import { purgeAuditEvents } from "./retention";

const days = dbEnv().AUDIT_RETENTION_DAYS;
const db = getDb();
try {
  const removed = await purgeAuditEvents(db, days);
  console.log(`audit: ${removed} events older than ${days} days removed; the chains still verify from their new start`);
} finally {
  await closeDb(db);
}
