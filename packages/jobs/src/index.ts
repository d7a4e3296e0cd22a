export {
  checkJob,
  deadLetterOf,
  isJobName,
  JOB_NAMES,
  JOBS,
  type JobDefinition,
  type JobName,
  JobRefused,
} from "./catalog";
export {
  type JobOverview,
  type JobRun,
  jobsInstalled,
  jobsOverview,
  type Query,
  RUN_STATES,
  type RunState,
  recentRuns,
} from "./history";
export { JOBS_SCHEMA, JobQueue, type QueueOptions } from "./queue";
