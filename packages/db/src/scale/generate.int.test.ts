import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { generateScaleData } from "./generate";

describe("scale data generator", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("creates organizations with owners, one large tenant, tasks of every status, files and keys; once", async () => {
    const result = await generateScaleData(db.url, {
      organizations: 10,
      tasks: 5_000,
      largest: 2_000,
      filesPerOrganization: 3,
    });
    expect(result).toMatchObject({ organizations: 10, tasks: 5_000, files: 30, teams: 40, apiKeys: 10 });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const count = async (sql: string) => Number((await client.query(sql)).rows[0].count);
      expect(await count("SELECT count(*) FROM api.tasks")).toBe(5_000);
      expect(await count("SELECT count(*) FROM api.tasks WHERE organization_id = 'scale_org_1'")).toBe(2_000);
      // The rest spread evenly: 3,000 over 9 organizations.
      const others = (
        await client.query(
          "SELECT count(*)::int AS n FROM api.tasks WHERE organization_id <> 'scale_org_1' GROUP BY organization_id",
        )
      ).rows.map((row) => row.n);
      expect(others).toHaveLength(9);
      expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(1);
      expect(await count("SELECT count(DISTINCT status) FROM api.tasks")).toBe(3);
      expect(await count("SELECT count(*) FROM auth.members WHERE role = 'owner'")).toBe(10);
      expect(await count("SELECT count(*) FROM api.stored_files")).toBe(30);
      expect(await count("SELECT count(*) FROM auth.api_keys")).toBe(10);
      expect(await count("SELECT count(*) FROM auth.teams WHERE organization_id = 'scale_org_1'")).toBe(4);
      // Four fifths of the tasks in a team, each of its own organization.
      expect(await count("SELECT count(*) FROM api.tasks WHERE team_id IS NOT NULL")).toBe(4_000);
      expect(
        await count(
          "SELECT count(*) FROM api.tasks t JOIN auth.teams m ON m.id = t.team_id WHERE m.organization_id <> t.organization_id",
        ),
      ).toBe(0);
      // The counters (triggers) agree with the rows.
      expect(await count("SELECT sum(count) AS count FROM api.task_counts WHERE organization_id = 'scale_org_1'")).toBe(
        2_000,
      );
    } finally {
      await client.end();
    }
    await expect(generateScaleData(db.url, { organizations: 10, tasks: 10, largest: 5 })).rejects.toThrow(
      /already holds/,
    );
  });
});
