// Queued audit events survive a crash: a process queues sign-in events with a spool and
// is killed before writing them (SIGKILL); the next process replays the spool into
// Postgres, once: an event already written before the crash is not written twice, and
// the chain still verifies. Without a database, events wait in the spool, never lost.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, createDb, type Db } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { AuditQueue, AuditSpool, recordAuditOnce, SpoolLocked, verifyAuditChains } from "./index";

const here = dirname(fileURLToPath(import.meta.url));
const quiet = () => {};

describe("the audit spool", () => {
  let database: TestDatabase;
  let db: Db;
  let dir = "";
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 4 });
    dir = mkdtempSync(join(tmpdir(), "audit-spool-"));
  });
  afterAll(async () => {
    await closeDb(db);
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("replays the events of a process killed before writing them, once each", async () => {
    const path = join(dir, "crash.jsonl");
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", join(here, "testing/crash-after-push.ts"), database.url, path, "3"],
      { cwd: here, encoding: "utf8" },
    );
    expect(child.signal).toBe("SIGKILL");
    const spooled = readFileSync(path, "utf8").trim().split("\n");
    expect(spooled).toHaveLength(3);
    expect(await db.auditEvent.count({ where: { actorUserId: { startsWith: "u-crash-" } } })).toBe(0);

    // One of them made it to Postgres before the crash: the replay must not add it again.
    const first = JSON.parse(spooled[0] ?? "{}");
    expect(await recordAuditOnce(db, first)).toBe(true);

    // The dead process's lock is taken over; a second spool on the file in a live process is refused.
    const spool = new AuditSpool(path);
    expect(() => new AuditSpool(path)).toThrow(SpoolLocked);
    const next = new AuditQueue(db, quiet, 10, spool);
    await vi.waitFor(() => expect(readFileSync(path, "utf8")).toBe(""), { timeout: 10_000, interval: 50 });
    const rows = await db.auditEvent.findMany({
      where: { actorUserId: { startsWith: "u-crash-" } },
      orderBy: { actorUserId: "asc" },
    });
    expect(rows.map((r) => [r.actorUserId, r.action])).toEqual([
      ["u-crash-0", "user.signed_in"],
      ["u-crash-1", "user.signed_in"],
      ["u-crash-2", "user.signed_in"],
    ]);
    expect(rows[0]?.id).toBe(first.id);
    // Each at the time it happened, not when the replay wrote it.
    for (const [index, row] of rows.entries()) {
      expect(row.createdAt.toISOString()).toBe(JSON.parse(spooled[index] ?? "{}").at);
    }
    expect((await verifyAuditChains(db)).problems).toEqual([]);
    await next.close();
    spool.close();
  }, 60_000);

  it("keeps events in the spool while Postgres is unreachable, and writes them when it answers", async () => {
    const path = join(dir, "down.jsonl");
    const unreachable = createDb({ url: "postgres://nobody@127.0.0.1:1/none", poolSize: 1, connectTimeoutMs: 200 });
    const downSpool = new AuditSpool(path);
    const down = new AuditQueue(unreachable, quiet, 10, downSpool);
    down.push({ action: "user.signed_out", actorUserId: "u-down", targetType: "user", targetId: "u-down" });
    await down.flush();
    await down.close();
    downSpool.close();
    await closeDb(unreachable);
    expect(readFileSync(path, "utf8")).toContain('"actorUserId":"u-down"');

    const upSpool = new AuditSpool(path);
    const up = new AuditQueue(db, quiet, 10, upSpool);
    await vi.waitFor(async () => expect(await db.auditEvent.count({ where: { actorUserId: "u-down" } })).toBe(1), {
      timeout: 10_000,
      interval: 50,
    });
    await up.close();
    upSpool.close();
    expect(readFileSync(path, "utf8")).toBe("");
  }, 30_000);
});
