// What the admin view shows of the jobs, read from pg-boss's tables: per job, its
// schedule and how many runs are in each state; and the newest runs. Before a worker
// has ever started there are no tables: the answers are empty, and say so.
import { JOB_NAMES, JOBS, JOBS_SCHEMA, type JobName } from "./catalog";

export type Query = <Row>(text: string, values: unknown[]) => Promise<Row[]>;

export const RUN_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type RunState = (typeof RUN_STATES)[number];

export interface JobOverview {
  name: JobName;
  summary: string;
  /** The cron the worker keeps in Postgres; null when the job is not scheduled (disabled, or no worker yet). */
  schedule: string | null;
  /** When the schedule fires next (UTC); null when not scheduled. */
  nextRun: Date | null;
  /** Whether an admin may run it now (false: a user's request starts it). */
  adminRun: boolean;
  counts: Record<RunState, number>;
  lastRun: { state: RunState; at: Date } | null;
}

export interface JobRun {
  id: string;
  name: string;
  state: RunState;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  output: unknown;
}

/** Whether pg-boss's schema is there (a worker has started against this database). */
export async function jobsInstalled(query: Query): Promise<boolean> {
  const rows = await query<{ ok: boolean }>("SELECT to_regclass($1) IS NOT NULL AS ok", [`${JOBS_SCHEMA}.job`]);
  return rows[0]?.ok === true;
}

export async function jobsOverview(query: Query): Promise<{ workerSeen: boolean; jobs: JobOverview[] }> {
  const empty = () => Object.fromEntries(RUN_STATES.map((state) => [state, 0])) as Record<RunState, number>;
  const jobs: JobOverview[] = JOB_NAMES.map((name) => ({
    name,
    summary: JOBS[name].summary,
    schedule: null,
    nextRun: null,
    adminRun: JOBS[name].adminRun,
    counts: empty(),
    lastRun: null,
  }));
  if (!(await jobsInstalled(query))) return { workerSeen: false, jobs };
  const byName = new Map(jobs.map((job) => [job.name as string, job]));
  const counts = await query<{ name: string; state: RunState; n: number }>(
    `SELECT name, state::text AS state, count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = ANY($1) GROUP BY 1, 2`,
    [JOB_NAMES],
  );
  for (const row of counts) {
    const job = byName.get(row.name);
    if (job) job.counts[row.state] = row.n;
  }
  const schedules = await query<{ name: string; cron: string }>(`SELECT name, cron FROM ${JOBS_SCHEMA}.schedule`, []);
  // Loaded here, not at start: cron-parser and its date library are ~0.4 MB of code only this view needs.
  const { CronExpressionParser } = await import("cron-parser");
  for (const row of schedules) {
    const job = byName.get(row.name);
    if (!job) continue;
    job.schedule = row.cron;
    job.nextRun = nextOccurrence(CronExpressionParser, row.cron);
  }
  const last = await query<{ name: string; state: RunState; at: Date }>(
    `SELECT DISTINCT ON (name) name, state::text AS state, coalesce(completed_on, started_on, created_on) AS at
     FROM ${JOBS_SCHEMA}.job WHERE name = ANY($1) ORDER BY name, created_on DESC`,
    [JOB_NAMES],
  );
  for (const row of last) {
    const job = byName.get(row.name);
    if (job) job.lastRun = { state: row.state, at: new Date(row.at) };
  }
  return { workerSeen: true, jobs };
}

function nextOccurrence(parser: typeof import("cron-parser").CronExpressionParser, cron: string): Date | null {
  try {
    return parser.parse(cron, { tz: "UTC" }).next().toDate();
  } catch {
    return null;
  }
}

/** One run of a catalog job (dead-letter copies are not runs to control), or null. */
export async function findRun(query: Query, id: string): Promise<{ name: JobName; state: RunState } | null> {
  if (!(await jobsInstalled(query))) return null;
  const rows = await query<{ name: string; state: RunState }>(
    `SELECT name, state::text AS state FROM ${JOBS_SCHEMA}.job WHERE id = $1::uuid AND name = ANY($2)`,
    [id, JOB_NAMES],
  );
  const row = rows[0];
  return row ? { name: row.name as JobName, state: row.state } : null;
}

/**
 * The newest runs (of one job, or all; in one state, or any; created before `before`, for
 * the next page), newest first; dead-letter copies included.
 */
export async function recentRuns(
  query: Query,
  filter: { name?: JobName; state?: RunState; before?: Date },
  limit: number,
): Promise<JobRun[]> {
  if (!(await jobsInstalled(query))) return [];
  const { name, state, before } = filter;
  const names = name ? [name, `${name}.dead`] : [...JOB_NAMES, ...JOB_NAMES.map((n) => `${n}.dead`)];
  const rows = await query<JobRun & { createdOn: Date }>(
    `SELECT id::text, name, state::text AS state, retry_count AS "retryCount", created_on AS "createdOn",
            started_on AS "startedOn", completed_on AS "completedOn", output
     FROM ${JOBS_SCHEMA}.job
     WHERE name = ANY($1) AND ($3::text IS NULL OR state::text = $3) AND ($4::timestamptz IS NULL OR created_on < $4)
     ORDER BY created_on DESC LIMIT $2`,
    [names, limit, state ?? null, before ?? null],
  );
  return rows.map((row) => ({
    ...row,
    createdOn: new Date(row.createdOn),
    startedOn: row.startedOn ? new Date(row.startedOn) : null,
    completedOn: row.completedOn ? new Date(row.completedOn) : null,
  }));
}
