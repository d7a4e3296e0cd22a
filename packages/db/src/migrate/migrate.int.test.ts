import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createMigration, deployMigrations, migrationStatus, schemaDrift } from "./commands";
import { defaultPaths } from "./files";

const migrationNames = readdirSync(defaultPaths.migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of prisma/ in a temp folder, with `edit` applied to the schema. */
function driftedCopy(edit: (schema: string) => string): { schemaPath: string; migrationsDir: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "drift-"));
  const schemaPath = join(dir, "schema.prisma");
  const migrationsDir = join(dir, "migrations");
  writeFileSync(schemaPath, edit(readFileSync(defaultPaths.schemaPath, "utf8")));
  cpSync(defaultPaths.migrationsDir, migrationsDir, { recursive: true });
  return { schemaPath, migrationsDir, dir };
}

const addPriority = (schema: string) =>
  schema.replace(
    "  status         TaskStatus @default(pending)",
    "  status         TaskStatus @default(pending)\n  priority       Int        @default(0)",
  );

describe("migrations", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("reports every migration as pending on an empty database", async () => {
    const status = await migrationStatus({ connectionString: db.url });
    expect(status.upToDate).toBe(false);
    expect(status.pending).toEqual(migrationNames);
  });

  it("apply from zero, then are idempotent", async () => {
    expect(await deployMigrations({ connectionString: db.url })).toEqual(migrationNames);
    expect(await deployMigrations({ connectionString: db.url })).toEqual([]);
    const status = await migrationStatus({ connectionString: db.url });
    expect(status).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] });
  });

  it("creates the api tables, the auth schema and Prisma's own bookkeeping", async () => {
    const tables = await query<{ table_schema: string; table_name: string }>(
      db.url,
      "select table_schema, table_name from information_schema.tables where table_schema in ('api','auth','public') order by 1, 2",
    );
    expect(tables).toEqual(
      expect.arrayContaining([
        { table_schema: "api", table_name: "tasks" },
        { table_schema: "api", table_name: "data_entries" },
        { table_schema: "api", table_name: "stored_files" },
        { table_schema: "public", table_name: "_prisma_migrations" },
      ]),
    );
    const schemas = await query<{ nspname: string }>(db.url, "select nspname from pg_namespace where nspname = 'auth'");
    expect(schemas).toHaveLength(1);
    const applied = await query<{ migration_name: string; finished_at: Date | null }>(
      db.url,
      "select migration_name, finished_at from _prisma_migrations order by migration_name",
    );
    expect(applied.map((row) => row.migration_name)).toEqual(migrationNames);
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
  });
});

describe("schema drift", () => {
  it("is empty: the migrations build exactly schema.prisma", async () => {
    const db = await createTestDatabase();
    try {
      expect(await schemaDrift({ connectionString: db.url })).toBe("");
    } finally {
      await db.drop();
    }
  });

  it("is reported when schema.prisma changes without a migration, and a created migration closes it", async () => {
    const db = await createTestDatabase();
    const copy = driftedCopy(addPriority);
    try {
      const drift = await schemaDrift({ connectionString: db.url, ...copy });
      expect(drift).toMatch(/ALTER TABLE "api"\."tasks" ADD COLUMN\s+"priority" INTEGER NOT NULL DEFAULT 0/);

      const file = await createMigration({ connectionString: db.url, ...copy, name: "Add task priority!" });
      expect(file).toMatch(/\d{14}_add_task_priority[/\\]migration\.sql$/);
      expect(await schemaDrift({ connectionString: db.url, ...copy })).toBe("");
      expect(await createMigration({ connectionString: db.url, ...copy, name: "again" })).toBeNull();

      const applied = await deployMigrations({ connectionString: db.url, ...copy });
      expect(applied.at(-1)).toMatch(/_add_task_priority$/);
    } finally {
      rmSync(copy.dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
