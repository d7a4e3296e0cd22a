// api.task_counts is kept by triggers on api.tasks (migration ..._lists_at_scale):
// after any mix of inserts, updates (status, team, organization) and deletes, alone
// or from concurrent connections, it equals a count of the rows.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

const ACTUAL = `SELECT organization_id, coalesce(team_id, '') AS team_id, status::text, count(*)::int AS count
  FROM api.tasks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const COUNTED = `SELECT organization_id, team_id, status::text, count::int FROM api.task_counts
  WHERE count <> 0 ORDER BY 1, 2, 3`;

describe("task counters", () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const expectInStep = async () => {
    const [actual, counted] = await Promise.all([client.query(ACTUAL), client.query(COUNTED)]);
    expect(counted.rows).toEqual(actual.rows);
    return actual.rows;
  };

  it("follow inserts, bulk inserts, updates of status, team and organization, deletes and truncation", async () => {
    await client.query(`INSERT INTO api.tasks (id, organization_id, created_by_id, title, updated_at)
      VALUES (gen_random_uuid(), 'org_a', 'u', 'one', now())`);
    await client.query(`INSERT INTO api.tasks (id, organization_id, created_by_id, team_id, title, status, updated_at)
      SELECT gen_random_uuid(), 'org_' || (ARRAY['a', 'b'])[1 + i % 2], 'u', CASE WHEN i % 3 = 0 THEN 'team_1' END,
             'bulk', (ARRAY['pending', 'in_progress', 'completed'])[1 + i % 3]::api."TaskStatus", now()
      FROM generate_series(1, 500) AS i`);
    // org_a: ('', pending) x2 sources, team_1 pending, ('', in_progress), ('', completed); org_b: three.
    expect(await expectInStep()).toHaveLength(7);

    await client.query(
      `UPDATE api.tasks SET status = 'completed' WHERE organization_id = 'org_a' AND status = 'pending'`,
    );
    await client.query(`UPDATE api.tasks SET team_id = 'team_2' WHERE team_id = 'team_1' AND status = 'completed'`);
    await client.query(`UPDATE api.tasks SET title = 'renamed'`);
    await client.query(
      `UPDATE api.tasks SET organization_id = 'org_c' WHERE ctid IN (SELECT ctid FROM api.tasks LIMIT 7)`,
    );
    await expectInStep();

    await client.query(`DELETE FROM api.tasks WHERE organization_id = 'org_b' AND status = 'in_progress'`);
    await client.query(`DELETE FROM api.tasks WHERE ctid IN (SELECT ctid FROM api.tasks LIMIT 1)`);
    await expectInStep();

    await client.query("TRUNCATE api.tasks");
    expect((await client.query("SELECT count(*)::int AS n FROM api.task_counts")).rows[0].n).toBe(0);
  });

  it("stay exact under concurrent writers to the same counters, without deadlocks", async () => {
    const writers = Array.from({ length: 8 }, async (_, n) => {
      const own = new pg.Client({ connectionString: db.url });
      await own.connect();
      try {
        for (let i = 0; i < 40; i++) {
          const team = i % 2 ? "'team_x'" : "NULL";
          await own.query(`INSERT INTO api.tasks (id, organization_id, created_by_id, team_id, title, updated_at)
            VALUES (gen_random_uuid(), 'org_busy', 'u${n}', ${team}, 't', now())`);
          // Moves a task between two counters, in both directions across writers (one task
          // per statement, as the API does): counters locked in opposite orders would deadlock.
          await own.query(`UPDATE api.tasks SET status = CASE status WHEN 'pending' THEN 'completed'::api."TaskStatus"
              ELSE 'pending' END, team_id = CASE WHEN team_id IS NULL THEN 'team_x' END
            WHERE id = (SELECT id FROM api.tasks WHERE organization_id = 'org_busy' ORDER BY random() LIMIT 1)`);
          if (i % 5 === 4) {
            // Its own tasks only, so that every delete removes exactly one row.
            await own.query(`DELETE FROM api.tasks WHERE id = (SELECT id FROM api.tasks
              WHERE organization_id = 'org_busy' AND created_by_id = 'u${n}' ORDER BY random() LIMIT 1)`);
          }
        }
      } finally {
        await own.end();
      }
    });
    await Promise.all(writers);
    const rows = await expectInStep();
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(8 * 40 - 8 * 8);
  });
});
