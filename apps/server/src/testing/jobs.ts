// The worker's job handlers against a harness's database and object store: a test runs
// a job at the moment it wants (the pg-boss path itself is tested in apps/worker and
// admin-jobs.int.test.ts).
import { DevOutbox } from "@acme/auth/mail";
import type { JobName } from "@acme/jobs";
import { type HandlerSettings, handlersFor } from "@acme/worker";
import type { Harness } from "./harness";

/** Mails the jobs send (export-ready links), kept for the test to read. */
export const jobMail = new DevOutbox({ info: () => {} });

export const TEST_JOB_SETTINGS: HandlerSettings = {
  uploadTtlSeconds: 600,
  uploadGraceMinutes: 60,
  authGraceDays: 7,
  auditRetentionDays: 365,
  exports: { ttlHours: 24, webUrl: "http://web.test", mailer: jobMail },
};

export const jobHandlers = (h: Harness) => handlersFor(h.auth.db, h.api.built.deps.store, TEST_JOB_SETTINGS);

export function runJob(h: Harness, name: JobName, payload: Record<string, unknown> = {}) {
  return jobHandlers(h)[name](payload, { id: "test" });
}
