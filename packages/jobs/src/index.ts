export {
  checkJob,
  deadLetterOf,
  isJobName,
  JOB_NAMES,
  JOBS,
  JOBS_SCHEMA,
  type JobDefinition,
  type JobName,
  JobRefused,
  SCHEDULED_JOBS,
} from "./catalog";
export {
  findRun,
  type JobOverview,
  type JobRun,
  jobsInstalled,
  jobsOverview,
  type Query,
  RUN_STATES,
  type RunState,
  recentRuns,
} from "./history";
// The queue itself (pg-boss) is `@acme/jobs/queue`: a process that only reads the catalog or
// the history does not load pg-boss.
export type { JobQueue, QueueOptions, SqlExecutor } from "./queue";
