export {
  checkJob,
  deadLetterOf,
  isJobName,
  JOB_NAMES,
  JOBS,
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
export { JOBS_SCHEMA, JobQueue, type QueueOptions, type SqlExecutor } from "./queue";
