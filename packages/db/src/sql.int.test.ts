// Plain SQL on the client's own pool: rows, bound parameters, errors mapped like Prisma's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, createDb, type Db, poolOf } from "./client";
import { DbError } from "./errors";
import { sqlRows } from "./sql";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

describe("sqlRows on the client's pool (real Postgres)", () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 2 });
  });
  afterAll(async () => {
    if (db) await closeDb(db);
    await database?.drop();
  });

  it("reads what Prisma wrote, with parameters bound and timestamps as Dates", async () => {
    const task = await db.task.create({
      data: { organizationId: "owner'; drop table api.tasks; --", createdById: "u", title: "t" },
    });
    const rows = await sqlRows<{ id: string; createdAt: Date }>(
      db,
      `SELECT id::text, created_at AS "createdAt" FROM api.tasks WHERE organization_id = $1`,
      ["owner'; drop table api.tasks; --"],
    );
    expect(rows).toEqual([{ id: task.id, createdAt: task.createdAt }]);
    expect(await db.task.count()).toBe(1);
  });

  it("maps server errors to DbError kinds", async () => {
    const invalid = await sqlRows(db, "SELECT $1::uuid", ["not-a-uuid"]).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(DbError);
    expect((invalid as DbError).kind).toBe("invalid");

    const file = {
      organizationId: "u",
      createdById: "u",
      objectKey: "k/sql",
      filename: "a",
      contentType: "text/plain",
      size: 1n,
    };
    await db.storedFile.create({ data: file });
    const conflict = await sqlRows(
      db,
      `INSERT INTO api.stored_files (id, organization_id, created_by_id, object_key, filename, content_type, size)
       VALUES (gen_random_uuid(), 'u', 'u', 'k/sql', 'a', 'text/plain', 1)`,
      [],
    ).catch((e: unknown) => e);
    expect((conflict as DbError).kind).toBe("conflict");

    // Not a database condition: rethrown as it is.
    const syntax = await sqlRows(db, "SELEC 1", []).catch((e: unknown) => e);
    expect(syntax).not.toBeInstanceOf(DbError);
  });

  it("maps an unreachable server to unavailable, and closeDb ends the pool Prisma never used", async () => {
    const url = new URL(database.url);
    url.port = "1";
    const down = createDb({ url: url.toString(), connectTimeoutMs: 1_000 });
    const error = await sqlRows(down, "SELECT 1", []).catch((e: unknown) => e);
    expect((error as DbError).kind).toBe("unavailable");
    await closeDb(down);
    expect(poolOf(down).ended).toBe(true);
  });
});
