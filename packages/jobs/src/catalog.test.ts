// Only the catalog's jobs get in: an unknown name, a payload with an extra field or of the
// wrong shape is refused before anything reaches the queue.
import { describe, expect, it } from "vitest";
import { checkJob, JOB_NAMES, JOBS, JobRefused } from "./catalog";

describe("the job catalog", () => {
  it("accepts each job with its payload", () => {
    for (const name of JOB_NAMES) expect(checkJob(name, {})).toEqual({ name, payload: {} });
  });

  it("refuses unknown names, extra fields and payloads that are not objects", () => {
    expect(() => checkJob("process.exit", {})).toThrow(JobRefused);
    expect(() => checkJob("files.purge-incomplete", { sql: "DROP TABLE x" })).toThrow(/Invalid payload/);
    expect(() => checkJob("audit.retention", "rm -rf /")).toThrow(JobRefused);
    expect(() => checkJob(undefined)).toThrow(/No such job/);
  });

  it("schedules every job with a five-field cron expression", () => {
    for (const name of JOB_NAMES) expect(JOBS[name].schedule.split(" ")).toHaveLength(5);
  });
});
