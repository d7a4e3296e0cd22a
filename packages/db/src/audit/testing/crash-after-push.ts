// For spool.int.test.ts: a process that queues audit events with a spool and is killed
// (SIGKILL, no chance to flush) right after: what a crash between answer and write does.
import { createDb } from "../../client";
import { AuditQueue } from "../queue";
import { AuditSpool } from "../spool";

const [url, spoolPath, count] = process.argv.slice(2);
const db = createDb({ url: url ?? "", poolSize: 1 });
// A long delay: the write never starts before the kill.
const queue = new AuditQueue(db, () => {}, 60_000, new AuditSpool(spoolPath ?? ""));
for (let i = 0; i < Number(count); i++) {
  queue.push({ action: "user.signed_in", actorUserId: `u-crash-${i}`, targetType: "user", targetId: `u-crash-${i}` });
}
process.kill(process.pid, "SIGKILL");
