// The jobs as operators see them, on real Postgres with a real worker: nothing before a
// worker ever started (and "run now" says to start one); then each job with its
// schedule; "run now" queues only catalog jobs with valid payloads, is recorded, and the
// run shows up completed in the history.
import { JobQueue } from "@acme/jobs";
import { handlersFor, startWorker, type Worker } from "@acme/worker";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { callTrpc } from "./testing/procedures";

describe("admin jobs", () => {
  let h: Harness;
  let admin: TestUser;
  let worker: Worker | undefined;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.admin();
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.stop();
  });

  it("shows nothing before a worker started, then the jobs, their schedules and runs", async () => {
    const asAdmin = bearer(admin.token);
    const before = await call(`${h.url}/api/v1/admin/jobs`, { headers: asAdmin });
    expect(before.body.workerSeen).toBe(false);
    const early = await call(`${h.url}/api/v1/admin/jobs/run`, {
      method: "POST",
      headers: asAdmin,
      body: { name: "files.purge-incomplete" },
    });
    expect(early.status).toBe(503);
    expect(early.body.error.message).toMatch(/start a worker/);

    worker = await startWorker({
      queue: new JobQueue({ connectionString: h.database.url, pollingIntervalSeconds: 0.5 }),
      handlers: handlersFor(h.auth.db, h.api.built.deps.store, {
        uploadTtlSeconds: 600,
        uploadGraceMinutes: 60,
        authGraceDays: 7,
        auditRetentionDays: 365,
      }),
      logger: pino({ level: "silent" }),
      schedules: {
        "files.purge-incomplete": "17 * * * *",
        "auth.purge-expired": "23 3 * * *",
        "audit.retention": "41 3 * * *",
      },
      disabled: new Set(["audit.retention"]),
      pollingIntervalSeconds: 0.5,
    });
    const overview = await call(`${h.url}/api/v1/admin/jobs`, { headers: asAdmin });
    expect(overview.body.workerSeen).toBe(true);
    expect(
      overview.body.jobs.map((job: { name: string; schedule: string | null }) => [job.name, job.schedule]),
    ).toEqual([
      ["files.purge-incomplete", "17 * * * *"],
      ["auth.purge-expired", "23 3 * * *"],
      ["audit.retention", null],
    ]);

    for (const body of [{ name: "shell.exec" }, { name: "audit.retention", payload: { days: 0 } }]) {
      const refused = await call(`${h.url}/api/v1/admin/jobs/run`, { method: "POST", headers: asAdmin, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const ran = await callTrpc<{ id: string }>(
      h.url,
      "admin.jobs.run",
      "mutation",
      { name: "files.purge-incomplete" },
      asAdmin,
    );
    expect(ran.status).toBe(200);
    const id = ran.data?.id ?? "";
    await vi.waitFor(
      async () => {
        const runs = await call(`${h.url}/api/v1/admin/jobs/runs?name=files.purge-incomplete`, { headers: asAdmin });
        expect(runs.body.find((run: { id: string }) => run.id === id)).toMatchObject({
          state: "completed",
          output: { removed: 0 },
        });
      },
      { timeout: 20_000, interval: 300 },
    );
    const event = await h.auth.db.auditEvent.findFirst({ where: { action: "job.triggered", targetId: id } });
    expect(event).toMatchObject({ actorUserId: admin.userId, metadata: { name: "files.purge-incomplete" } });
    const after = await call(`${h.url}/api/v1/admin/jobs`, { headers: asAdmin });
    const files = after.body.jobs.find((job: { name: string }) => job.name === "files.purge-incomplete");
    expect(files.counts.completed).toBe(1);
    expect(files.lastRun.state).toBe("completed");
  });
});
