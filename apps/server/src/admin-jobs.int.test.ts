// The jobs as operators see them, on real Postgres with a real worker: nothing before a
// worker ever started (and "run now" says to start one); then each job with its
// schedule; "run now" queues only catalog jobs with valid payloads, is recorded, and the
// run shows up completed in the history.
import { JobQueue } from "@acme/jobs/queue";
import { startWorker, type Worker } from "@acme/worker";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { jobHandlers } from "./testing/jobs";
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
      handlers: jobHandlers(h),
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
      ["account.purge", null],
      ["account.export", null],
    ]);

    const refusals = [
      { name: "shell.exec" },
      { name: "audit.retention", payload: { days: 0 } },
      // Started by a user's own request, never by an admin for someone.
      { name: "account.export", payload: { exportId: "01930000-0000-7000-8000-000000000000", userId: "u1" } },
    ];
    for (const body of refusals) {
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
    expect(new Date(files.nextRun).getUTCMinutes()).toBe(17);
    expect(new Date(files.nextRun).getTime()).toBeGreaterThan(Date.now());
  });

  it("cancels a queued run and retries a failed one; refuses the others", async () => {
    const asAdmin = bearer(admin.token);
    const queue = new JobQueue({ connectionString: h.database.url, producer: true });
    await queue.start();
    try {
      const later = await queue.boss.send("audit.retention", {}, { startAfter: 3600 });
      const failed = await queue.boss.send("auth.purge-expired", {}, { startAfter: 3600, retryLimit: 0 });
      await queue.boss.fail("auth.purge-expired", failed ?? "", { error: "for the test" });
      // As if it had been due (and failed) a while ago: a retry runs it at once.
      await h.auth.db.$executeRawUnsafe("UPDATE pgboss.job SET start_after = now() WHERE id = $1::uuid", failed);
      const command = (what: string, id: string | null) =>
        call(`${h.url}/api/v1/admin/jobs/runs/${id}/${what}`, { method: "POST", headers: asAdmin, body: {} });

      expect((await command("retry", later)).status).toBe(409);
      expect((await command("cancel", later)).body).toEqual({ id: later, state: "cancelled" });
      expect((await command("cancel", later)).status).toBe(409);
      expect((await command("cancel", failed)).status).toBe(409);
      expect((await command("retry", failed)).body).toEqual({ id: failed, state: "retry" });
      expect((await command("retry", "01900000-0000-7000-8000-000000000000")).status).toBe(404);
      await vi.waitFor(
        async () => {
          const runs = await call(`${h.url}/api/v1/admin/jobs/runs?name=auth.purge-expired`, { headers: asAdmin });
          expect(runs.body.find((run: { id: string }) => run.id === failed)?.state).toBe("completed");
        },
        { timeout: 20_000, interval: 300 },
      );
      const events = await h.auth.db.auditEvent.findMany({
        where: { action: { in: ["job.cancelled", "job.retried"] } },
        orderBy: { seq: "asc" },
      });
      expect(events.map((e) => [e.action, e.targetId])).toEqual([
        ["job.cancelled", later],
        ["job.retried", failed],
      ]);

      // The history pages back in time: each page starts before the last run of the one before.
      const first = await call(`${h.url}/api/v1/admin/jobs/runs?limit=2`, { headers: asAdmin });
      const oldest = first.body.at(-1).createdOn as string;
      const next = await call(`${h.url}/api/v1/admin/jobs/runs?limit=2&before=${encodeURIComponent(oldest)}`, {
        headers: asAdmin,
      });
      expect(next.body.length).toBeGreaterThan(0);
      for (const run of next.body) expect(new Date(run.createdOn) < new Date(oldest)).toBe(true);
      const seen = new Set(first.body.map((run: { id: string }) => run.id));
      expect(next.body.filter((run: { id: string }) => seen.has(run.id))).toEqual([]);
    } finally {
      await queue.stop();
    }
  }, 60_000);
});
