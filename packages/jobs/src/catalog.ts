// The closed set of background jobs: a name (an enum, never a function or a path), a
// payload schema that refuses unknown fields, the default schedule (cron, UTC), and the
// retry policy. The API can only enqueue these, the worker only runs these.
import { z } from "zod";

/** The Postgres schema pg-boss keeps its tables in. */
export const JOBS_SCHEMA = "pgboss";

export const JOB_NAMES = [
  "files.purge-incomplete",
  "auth.purge-expired",
  "audit.retention",
  "account.purge",
  "account.export",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobDefinition {
  /** What the job does, for people (the admin view, logs). */
  summary: string;
  payload: z.ZodType<Record<string, unknown>>;
  /** Cron (UTC); JOBS_SCHEDULE_<NAME> overrides it, JOBS_DISABLED turns the job off. Null: only on request. */
  schedule: string | null;
  /** Whether an admin may run it now (a platform job); false for a job a user's request starts. */
  adminRun: boolean;
  /** Attempts after the first, with exponential backoff from `retryDelaySeconds`; then the dead-letter queue. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one run may take before pg-boss presumes it lost and retries it. */
  timeoutSeconds: number;
  /** Jobs a worker takes at a time (run one after another): 1 for long ones, whose timeout starts at fetch. */
  batchSize: number;
}

const none = z.object({}).strict();
const common = { retryLimit: 5, timeoutSeconds: 3600, adminRun: true, batchSize: 10 };

export const JOBS: Record<JobName, JobDefinition> = {
  "files.purge-incomplete": {
    summary: "Removes uploads never completed: the object if present, then the row",
    payload: none,
    schedule: "17 * * * *",
    ...common,
    retryDelaySeconds: 30,
  },
  "auth.purge-expired": {
    summary: "Removes expired sessions, verification tokens, invitations and API keys past a grace period",
    payload: none,
    schedule: "23 3 * * *",
    ...common,
    retryDelaySeconds: 60,
  },
  "audit.retention": {
    summary: "Removes audit events older than AUDIT_RETENTION_DAYS, each chain without a gap",
    payload: none,
    schedule: "41 3 * * *",
    ...common,
    retryDelaySeconds: 60,
  },
  "account.purge": {
    summary: "Removes the stored objects of deleted organizations and accounts, and expired data exports, in batches",
    payload: none,
    // Deletions also queue a run at once; the schedule picks up any that could not be queued.
    schedule: "*/15 * * * *",
    ...common,
    retryDelaySeconds: 30,
  },
  "account.export": {
    summary: "Builds a user's data archive (JSON and their files) and mails them a download link",
    // The user too: if the account is gone before the run, its archive can still be found and removed.
    payload: z.object({ exportId: z.uuid(), userId: z.string().min(1).max(100) }).strict(),
    schedule: null,
    ...common,
    adminRun: false,
    batchSize: 1,
    retryDelaySeconds: 30,
  },
};

/** The jobs that run on a schedule (the others only when asked). */
export const SCHEDULED_JOBS = JOB_NAMES.filter((name) => JOBS[name].schedule !== null);

export class JobRefused extends Error {
  override readonly name = "JobRefused";
}

export function isJobName(value: unknown): value is JobName {
  return typeof value === "string" && (JOB_NAMES as readonly string[]).includes(value);
}

/** A job as it may be enqueued: a known name and a payload its schema accepts; JobRefused otherwise. */
export function checkJob(name: unknown, payload: unknown = {}): { name: JobName; payload: Record<string, unknown> } {
  if (!isJobName(name)) throw new JobRefused(`No such job: ${String(name).slice(0, 100)}`);
  const parsed = JOBS[name].payload.safeParse(payload);
  if (!parsed.success) {
    throw new JobRefused(`Invalid payload for ${name}: ${z.prettifyError(parsed.error).replaceAll("\n", "; ")}`);
  }
  return { name, payload: parsed.data };
}

/** The dead-letter queue of a job: where its last failed attempt is copied. */
export const deadLetterOf = (name: JobName) => `${name}.dead`;
