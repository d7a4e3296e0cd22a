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
export { JOBS_SCHEMA, JobQueue, type QueueOptions } from "./queue";
