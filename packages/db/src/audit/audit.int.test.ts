// The audit log's guarantees on real Postgres: chained hashes per organization,
// no gaps under concurrent writers, nothing recorded when the caller's transaction
// rolls back, no secret in metadata, updates refused, and tampering named by the
// verifier (an edited row, a removed row).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, createDb, type Db } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { purgeAuditEvents, recordAudit, recordAuditIn, verifyAuditChains } from "./index";

describe("audit log", () => {
  let database: TestDatabase;
  let db: Db;
  let sql: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 8 });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await closeDb(db);
    await database?.drop();
  });

  it("chains each organization's events and the platform's separately", async () => {
    for (const action of ["task.deleted", "file.deleted", "api_key.created"]) {
      await recordAudit(db, {
        action,
        organizationId: "org-chain",
        actorUserId: "u1",
        targetType: "task",
        targetId: "t1",
      });
    }
    await recordAudit(db, { action: "user.signed_up", actorUserId: "u1" });
    const rows = await db.auditEvent.findMany({ where: { chain: "org-chain" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1n, 2n, 3n]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
    expect(await db.auditEvent.count({ where: { chain: "platform" } })).toBe(1);
    expect((await verifyAuditChains(db)).problems).toEqual([]);
  });

  it("keeps secrets out of metadata, at any depth", async () => {
    const row = await recordAudit(db, {
      action: "user.password_changed",
      actorUserId: "u2",
      metadata: {
        password: "hunter2",
        via: "settings",
        skipped: undefined,
        nested: {
          token: "tok-secret-value",
          apiKey: "sk_x",
          api_key: "sk_y",
          backup_codes: ["backup-code-1"],
          kept: 1,
        },
        passkeyId: "pk_1",
      },
    });
    const stored = await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.metadata).toEqual({ via: "settings", nested: { kept: 1 }, passkeyId: "pk_1" });
    expect(JSON.stringify({ ...stored, seq: String(stored.seq) })).not.toMatch(
      /hunter2|tok-secret-value|sk_x|sk_y|backup-code-1/,
    );
    // What is stored is what was hashed (an undefined value is not stored, nor hashed).
    expect((await verifyAuditChains(db)).problems).toEqual([]);
  });

  it("writes no gap under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        recordAudit(db, { action: "task.deleted", organizationId: "org-busy", targetId: `t${i}` }),
      ),
    );
    const seqs = (await db.auditEvent.findMany({ where: { chain: "org-busy" }, orderBy: { seq: "asc" } })).map((r) =>
      Number(r.seq),
    );
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await verifyAuditChains(db)).problems).toEqual([]);
  });

  it("commits with the caller's transaction, or not at all", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditIn(tx, { action: "task.deleted", organizationId: "org-rollback" });
        throw new Error("the mutation failed");
      }),
    ).rejects.toThrow("the mutation failed");
    expect(await db.auditEvent.count({ where: { chain: "org-rollback" } })).toBe(0);
  });

  it("refuses updates, and names an edited or removed event", async () => {
    for (let i = 0; i < 4; i++)
      await recordAudit(db, { action: "file.deleted", organizationId: "org-tamper", targetId: `f${i}` });
    await expect(sql.query(`UPDATE api.audit_events SET action = 'x' WHERE chain = 'org-tamper'`)).rejects.toThrow(
      /append-only/,
    );

    // Someone with the power to lift the trigger edits event 2 in SQL.
    await sql.query(`ALTER TABLE api.audit_events DISABLE TRIGGER audit_events_append_only`);
    await sql.query(`UPDATE api.audit_events SET target_id = 'someone-else' WHERE chain = 'org-tamper' AND seq = 2`);
    await sql.query(`ALTER TABLE api.audit_events ENABLE TRIGGER audit_events_append_only`);
    const edited = await verifyAuditChains(db);
    expect(edited.problems).toEqual([expect.objectContaining({ chain: "org-tamper", seq: 2n, problem: "altered" })]);

    await sql.query(`DELETE FROM api.audit_events WHERE chain = 'org-tamper' AND seq IN (2)`);
    const removed = await verifyAuditChains(db);
    expect(removed.problems).toEqual([expect.objectContaining({ chain: "org-tamper", seq: 2n, problem: "missing" })]);
  });

  it("keeps what retention leaves verifiable: each chain loses its oldest events, without a gap", async () => {
    for (let i = 0; i < 3; i++)
      await recordAudit(db, { action: "task.deleted", organizationId: "org-old", targetId: `o${i}` });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cutoff = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 2; i++)
      await recordAudit(db, { action: "task.deleted", organizationId: "org-old", targetId: `n${i}` });
    // Retention of one day, run one day after the cutoff.
    const removed = await purgeAuditEvents(db, 1, new Date(cutoff.getTime() + 24 * 60 * 60 * 1000));
    expect(removed).toBeGreaterThanOrEqual(3);
    const left = await db.auditEvent.findMany({ where: { chain: "org-old" }, orderBy: { seq: "asc" } });
    expect(left.map((e) => [e.seq, e.targetId])).toEqual([
      [4n, "n0"],
      [5n, "n1"],
    ]);
    expect((await verifyAuditChains(db)).problems.filter((p) => p.chain === "org-old")).toEqual([]);
  });
});
