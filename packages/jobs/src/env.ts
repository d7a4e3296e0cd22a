// The jobs' configuration, validated once at startup: which jobs run, on what schedule.
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";
import { JOB_NAMES, JOBS, type JobName, SCHEDULED_JOBS } from "./catalog";

const cron = z
  .string()
  .trim()
  .regex(/^\S+( \S+){4}$/, "a five-field cron expression, e.g. 17 * * * *");

/** JOBS_SCHEDULE_FILES_PURGE_INCOMPLETE for files.purge-incomplete, and so on. */
export const scheduleVariable = (name: JobName) => `JOBS_SCHEDULE_${name.toUpperCase().replace(/[.-]/g, "_")}`;

export const jobsEnvSchema = z.object({
  /** Jobs not scheduled (they can still be run on demand by an admin). */
  JOBS_DISABLED: envField
    .csv()
    .default([])
    .pipe(z.array(z.enum(JOB_NAMES))),
  ...Object.fromEntries(SCHEDULED_JOBS.map((name) => [scheduleVariable(name), cron.optional()])),
});

export interface JobsEnv {
  disabled: ReadonlySet<JobName>;
  /** The cron of each scheduled job (jobs only run on request have none). */
  schedules: Partial<Record<JobName, string>>;
}

export function jobsEnv(source?: Record<string, string | undefined>): JobsEnv {
  const env = parseEnv(jobsEnvSchema, source) as Record<string, unknown> & { JOBS_DISABLED: JobName[] };
  const schedules = Object.fromEntries(
    SCHEDULED_JOBS.map((name) => [name, (env[scheduleVariable(name)] as string | undefined) ?? JOBS[name].schedule]),
  ) as Partial<Record<JobName, string>>;
  return { disabled: new Set(env.JOBS_DISABLED), schedules };
}
