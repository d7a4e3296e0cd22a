// The organizations migration keeps every row of the single-user schema: applied
// to a database holding users, sessions, tasks, data entries, files and API keys,
// it moves each user's rows into their new personal organization, where they are
// owner, and loses nothing.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { deployMigrations } from "./commands";
import { defaultPaths } from "./files";

const ORGANIZATIONS = "20261127142142_organizations";

describe("organizations migration", () => {
  let db: TestDatabase;
  let before: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    // The migrations as they were before organizations.
    before = mkdtempSync(join(tmpdir(), "migrations-before-"));
    for (const name of readdirSync(defaultPaths.migrationsDir)) {
      if (name < ORGANIZATIONS) cpSync(join(defaultPaths.migrationsDir, name), join(before, name), { recursive: true });
    }
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await db?.drop();
  });

  it("moves every user's rows into their personal organization, and keeps them all", async () => {
    await deployMigrations({ connectionString: db.url, migrationsDir: before });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO auth.users (id, name, email, updated_at) VALUES
          ('u1', 'Ada', 'ada@example.test', now()), ('u2', 'Bob', 'bob@example.test', now());
        INSERT INTO auth.sessions (id, expires_at, token, updated_at, user_id) VALUES
          ('s1', now() + interval '1 day', 't1', now(), 'u1');
        INSERT INTO api.tasks (id, title, owner_id, updated_at) VALUES
          (gen_random_uuid(), 'ada 1', 'u1', now()), (gen_random_uuid(), 'ada 2', 'u1', now()),
          (gen_random_uuid(), 'bob 1', 'u2', now());
        INSERT INTO api.data_entries (id, owner_id, content) VALUES (gen_random_uuid(), 'u2', 'hello');
        INSERT INTO api.stored_files (id, owner_id, object_key, filename, content_type, size)
          VALUES (gen_random_uuid(), 'u1', 'u1/x', 'x.txt', 'text/plain', 3);
        INSERT INTO auth.api_keys (id, reference_id, key, permissions, created_at, updated_at)
          VALUES ('k1', 'u1', 'hash', '{"tasks":["read"]}', now(), now());
      `);
      // This one, then the ones after it (their own tests check them; here they also run over real rows).
      expect((await deployMigrations({ connectionString: db.url }))[0]).toBe(ORGANIZATIONS);

      const rows = async (sql: string) => (await client.query(sql)).rows;
      expect(await rows("SELECT title, organization_id, created_by_id FROM api.tasks ORDER BY title")).toEqual([
        { title: "ada 1", organization_id: "personal_u1", created_by_id: "u1" },
        { title: "ada 2", organization_id: "personal_u1", created_by_id: "u1" },
        { title: "bob 1", organization_id: "personal_u2", created_by_id: "u2" },
      ]);
      expect(await rows("SELECT content, organization_id, created_by_id FROM api.data_entries")).toEqual([
        { content: "hello", organization_id: "personal_u2", created_by_id: "u2" },
      ]);
      expect(await rows("SELECT object_key, organization_id FROM api.stored_files")).toEqual([
        { object_key: "u1/x", organization_id: "personal_u1" },
      ]);
      expect(await rows("SELECT id, name, metadata FROM auth.organizations ORDER BY id")).toEqual([
        { id: "personal_u1", name: "Ada", metadata: '{"personal":true}' },
        { id: "personal_u2", name: "Bob", metadata: '{"personal":true}' },
      ]);
      expect(await rows("SELECT organization_id, user_id, role FROM auth.members ORDER BY user_id")).toEqual([
        { organization_id: "personal_u1", user_id: "u1", role: "owner" },
        { organization_id: "personal_u2", user_id: "u2", role: "owner" },
      ]);
      expect(await rows("SELECT active_organization_id FROM auth.sessions")).toEqual([
        { active_organization_id: "personal_u1" },
      ]);
      // The lists migration after it started the task counters from these rows.
      expect(
        await rows("SELECT organization_id, team_id, status::text, count::int FROM api.task_counts ORDER BY 1"),
      ).toEqual([
        { organization_id: "personal_u1", team_id: "", status: "pending", count: 2 },
        { organization_id: "personal_u2", team_id: "", status: "pending", count: 1 },
      ]);
      const [key] = await rows("SELECT reference_id, permissions, metadata FROM auth.api_keys");
      expect(key).toMatchObject({ reference_id: "personal_u1", permissions: '{"tasks":["read"]}' });
      expect(JSON.parse(key.metadata)).toEqual({ createdById: "u1" });
    } finally {
      await client.end();
    }
  });
});
