// Realistic volume for measuring lists at scale (`pnpm db:seed --scale`, and the
// scale bench): many organizations, one much larger than the rest, each with an
// owner, tasks spread over a year with every status, some assigned to the owner,
// file rows and API-key rows. Set-based INSERT ... SELECT from generate_series in
// one transaction: a million tasks take seconds, not minutes, and a failure leaves
// nothing half-written.
import pg from "pg";

export interface ScaleOptions {
  organizations: number;
  tasks: number;
  /** Tasks of the largest organization (`scale_org_1`), out of `tasks`. */
  largest: number;
  filesPerOrganization?: number;
  /** Teams per organization (`scale_team_<org>_<n>`); four fifths of the tasks belong to one. */
  teamsPerOrganization?: number;
}

export const SCALE_DEFAULTS: ScaleOptions = { organizations: 1_000, tasks: 1_000_000, largest: 200_000 };

export interface ScaleResult {
  organizations: number;
  tasks: number;
  files: number;
  teams: number;
  apiKeys: number;
  largestOrganizationId: string;
  smallOrganizationId: string;
  seconds: number;
}

export const scaleOrganizationId = (n: number) => `scale_org_${n}`;

export async function generateScaleData(url: string, options: ScaleOptions = SCALE_DEFAULTS): Promise<ScaleResult> {
  const { organizations, tasks, largest } = options;
  if (organizations < 2 || largest > tasks) throw new Error("scale: need 2+ organizations and largest <= tasks");
  const files = options.filesPerOrganization ?? 50;
  const teams = options.teamsPerOrganization ?? 4;
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM auth.organizations WHERE id = $1", [scaleOrganizationId(1)]);
    if (existing.rowCount) throw new Error("scale: this database already holds the scale data (scale_org_1 exists)");
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO auth.users (id, name, email, email_verified, updated_at)
       SELECT 'scale_user_' || n, 'Scale Owner ' || n, 'scale' || n || '@example.test', true, now()
       FROM generate_series(1, $1::int) AS n`,
      [organizations],
    );
    await client.query(
      `INSERT INTO auth.organizations (id, name, slug, created_at)
       SELECT 'scale_org_' || n, 'Scale Org ' || n, 'scale-org-' || n, now() - interval '1 year'
       FROM generate_series(1, $1::int) AS n`,
      [organizations],
    );
    await client.query(
      `INSERT INTO auth.members (id, organization_id, user_id, role)
       SELECT 'scale_member_' || n, 'scale_org_' || n, 'scale_user_' || n, 'owner'
       FROM generate_series(1, $1::int) AS n`,
      [organizations],
    );
    await client.query(
      `INSERT INTO auth.teams (id, name, organization_id, created_at)
       SELECT 'scale_team_' || o || '_' || t, 'Team ' || t, 'scale_org_' || o, now() - interval '1 year'
       FROM generate_series(1, $1::int) AS o, generate_series(1, $2::int) AS t`,
      [organizations, teams],
    );
    // Task i belongs to organization 1 for the first `largest`, then round-robin over the others.
    await client.query(
      `INSERT INTO api.tasks (id, organization_id, created_by_id, assignee_id, team_id, title, status, created_at, updated_at)
       SELECT gen_random_uuid(), org, owner, CASE WHEN i % 3 = 0 THEN owner END,
              CASE WHEN $4::int > 0 AND i % 5 <> 0 THEN replace(org, 'org', 'team') || '_' || (1 + i % $4::int) END,
              'Task ' || i,
              (ARRAY['pending', 'in_progress', 'completed'])[1 + i % 3]::api."TaskStatus", at, at
       FROM (
         SELECT i,
                'scale_org_' || o AS org, 'scale_user_' || o AS owner,
                now() - (random() * interval '365 days') AS at
         FROM (
           SELECT i, CASE WHEN i <= $2 THEN 1 ELSE 2 + (i - $2 - 1) % ($3::int - 1) END AS o
           FROM generate_series(1, $1::int) AS i
         ) AS spread
       ) AS rows`,
      [tasks, largest, organizations, teams],
    );
    await client.query(
      `INSERT INTO api.stored_files (id, organization_id, created_by_id, object_key, filename, content_type, size, status)
       SELECT gen_random_uuid(), 'scale_org_' || o, 'scale_user_' || o, 'scale/' || o || '/' || f, 'file-' || f || '.txt',
              'text/plain', 100 + f, 'ready'
       FROM generate_series(1, $1::int) AS o, generate_series(1, $2::int) AS f`,
      [organizations, files],
    );
    await client.query(
      `INSERT INTO auth.api_keys (id, config_id, name, start, reference_id, key, permissions, metadata, created_at, updated_at)
       SELECT 'scale_key_' || n, 'default', 'scale', 'sk_scale', 'scale_org_' || n, md5(random()::text),
              '{"tasks":["read"]}', json_build_object('createdById', 'scale_user_' || n)::text, now(), now()
       FROM generate_series(1, $1::int) AS n`,
      [organizations],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE api.tasks");
    return {
      organizations,
      tasks,
      files: organizations * files,
      teams: organizations * teams,
      apiKeys: organizations,
      largestOrganizationId: scaleOrganizationId(1),
      smallOrganizationId: scaleOrganizationId(2),
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
