// Only the catalog's jobs get in: an unknown name, a payload with an extra field or of the
// wrong shape is refused before anything reaches the queue.
import { describe, expect, it } from "vitest";
import { checkJob, JOB_NAMES, JOBS, JobRefused } from "./catalog";

describe("the job catalog", () => {
  it("accepts each job with its payload", () => {
    const payloads: Record<string, object> = {
      "account.export": { exportId: "01930000-0000-7000-8000-000000000000", userId: "u1" },
    };
    for (const name of JOB_NAMES) {
      const payload = payloads[name] ?? {};
      expect(checkJob(name, payload)).toEqual({ name, payload });
    }
  });

  it("refuses unknown names, extra fields and payloads that are not objects", () => {
    expect(() => checkJob("process.exit", {})).toThrow(JobRefused);
    expect(() => checkJob("files.purge-incomplete", { sql: "DROP TABLE x" })).toThrow(/Invalid payload/);
    expect(() => checkJob("audit.retention", "rm -rf /")).toThrow(JobRefused);
    expect(() => checkJob(undefined)).toThrow(/No such job/);
    expect(() => checkJob("account.export", {})).toThrow(/Invalid payload/);
    expect(() => checkJob("account.export", { exportId: "../../etc" })).toThrow(/Invalid payload/);
  });

  it("schedules every platform job with a five-field cron expression; a user's request starts the rest", () => {
    for (const name of JOB_NAMES) {
      const { schedule, adminRun } = JOBS[name];
      if (adminRun) expect(schedule?.split(" ")).toHaveLength(5);
      else expect(schedule).toBeNull();
    }
  });
});
