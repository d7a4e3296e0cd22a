import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, createDb, poolOf } from "./client";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

describe("a client's pool when the server closes its idle connections", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reports the closed connection instead of crashing the process, and serves the next query", async () => {
    const closed: Error[] = [];
    const db = createDb({ url: database.url, poolSize: 2, onIdleError: (error) => closed.push(error) });
    try {
      // Plain SQL on the pool, as the hot reads run it (sql.ts): Prisma, which listens on the
      // pool once it connects, has not yet. A connection now rests in the pool.
      expect((await poolOf(db).query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      const { rows } = await admin.query(
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      await admin.end();
      expect(rows).toEqual([{ ended: true }]);
      // Unheard, this event would be an uncaught exception: the run itself would fail.
      await vi.waitFor(() => expect(closed.map((error) => (error as { code?: string }).code)).toEqual(["57P01"]));
      expect((await poolOf(db).query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
      expect(await db.$queryRaw`SELECT 3 AS three`).toEqual([{ three: 3 }]);
    } finally {
      await closeDb(db);
    }
  });
});
