import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, createDb, poolOf } from "./client";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

describe("a client's pool when the server closes its connections", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reports the closed connection instead of crashing the process, and serves the next query", async () => {
    const closed: Error[] = [];
    const db = createDb({ url: database.url, poolSize: 2, onConnectionError: (error) => closed.push(error) });
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
      // Unheard, this event would be an uncaught exception: the run itself would fail. Reported once.
      await vi.waitFor(() => expect(closed.map((error) => (error as { code?: string }).code)).toEqual(["57P01"]));
      expect((await poolOf(db).query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
      expect(await db.$queryRaw`SELECT 3 AS three`).toEqual([{ three: 3 }]);
    } finally {
      await closeDb(db);
    }
  });

  it("hears a connection closed while checked out between two queries, and the pool drops it when it comes back", async () => {
    const closed: Error[] = [];
    const db = createDb({ url: database.url, poolSize: 2, onConnectionError: (error) => closed.push(error) });
    try {
      // Checked out, as a transaction holds its connection between statements: the pool no longer listens on it.
      const held = await poolOf(db).connect();
      let returned = false;
      try {
        const { rows } = await held.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        const admin = new pg.Client({ connectionString: database.url });
        await admin.connect();
        await admin.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
        await admin.end();
        // Reported once (the closed socket's second error is not).
        await vi.waitFor(() => expect(closed.map((error) => (error as { code?: string }).code)).toEqual(["57P01"]));
        await expect(held.query("SELECT 1")).rejects.toThrow();
        held.release();
        returned = true;
      } finally {
        if (!returned) held.release(new Error("the test failed first"));
      }
      expect(poolOf(db).totalCount).toBe(0);
      expect((await poolOf(db).query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    } finally {
      await closeDb(db);
    }
  });
});
