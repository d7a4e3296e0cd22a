// The closed set of background jobs: a name (an enum, never a function or a path), a
// payload schema that refuses unknown fields, the default schedule (cron, UTC), and the
// retry policy. The API can only enqueue these, the worker only runs these.
import { z } from "zod";

export const JOB_NAMES = ["files.purge-incomplete", "auth.purge-expired", "audit.retention"] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobDefinition {
  /** What the job does, for people (the admin view, logs). */
  summary: string;
  payload: z.ZodType<Record<string, unknown>>;
  /** Cron (UTC); JOBS_SCHEDULE_<NAME> overrides it, JOBS_DISABLED turns the job off. */
  schedule: string;
  /** Attempts after the first, with exponential backoff from `retryDelaySeconds`; then the dead-letter queue. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one run may take before pg-boss presumes it lost and retries it. */
  timeoutSeconds: number;
}

const none = z.object({}).strict();

export const JOBS: Record<JobName, JobDefinition> = {
  "files.purge-incomplete": {
    summary: "Removes uploads never completed: the object if present, then the row",
    payload: none,
    schedule: "17 * * * *",
    retryLimit: 5,
    retryDelaySeconds: 30,
    timeoutSeconds: 3600,
  },
  "auth.purge-expired": {
    summary: "Removes expired sessions, verification tokens, invitations and API keys past a grace period",
    payload: none,
    schedule: "23 3 * * *",
    retryLimit: 5,
    retryDelaySeconds: 60,
    timeoutSeconds: 3600,
  },
  "audit.retention": {
    summary: "Removes audit events older than AUDIT_RETENTION_DAYS, each chain without a gap",
    payload: none,
    schedule: "41 3 * * *",
    retryLimit: 5,
    retryDelaySeconds: 60,
    timeoutSeconds: 3600,
  },
};

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
