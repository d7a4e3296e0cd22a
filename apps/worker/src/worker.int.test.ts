// The worker on real Postgres (pg-boss in its own schema) and the S3 server: each job's
// effect and that a second run changes nothing; only catalog jobs get queued; two
// workers share 200 jobs and run each exactly once; a failing job is retried, then
// dead-lettered; stop() lets the job in flight finish.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDb, createDb, type Db } from "@acme/db";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { JOB_NAMES, type JobName, JobRefused } from "@acme/jobs";
import { JobQueue } from "@acme/jobs/queue";
import { ObjectStore } from "@acme/storage";
import { type EmbeddedS3, startEmbeddedS3 } from "@acme/storage/embedded";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Handler, handlersFor, startWorker, type Worker } from "./worker";

const quiet = pino({ level: "silent" });
const noop: Handler = async () => ({});
const only = (overrides: Partial<Record<JobName, Handler>>) =>
  Object.fromEntries(JOB_NAMES.map((name) => [name, overrides[name] ?? noop])) as Record<JobName, Handler>;

describe("the worker", () => {
  let database: TestDatabase;
  let db: Db;
  let s3: EmbeddedS3;
  let store: ObjectStore;
  let s3Dir = "";
  const running: Worker[] = [];
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 4 });
    s3Dir = mkdtempSync(join(tmpdir(), "worker-s3-"));
    s3 = await startEmbeddedS3({ directory: s3Dir, port: 0 });
    store = new ObjectStore({ ...s3, bucket: "worker-test", region: "us-east-1" });
    await store.ensureBucket();
  });
  // Every test's workers stop when it ends, passed or not: a leftover would take the next test's jobs.
  afterEach(async () => {
    for (const worker of running.splice(0)) await worker.stop().catch(() => undefined);
  });
  afterAll(async () => {
    if (db) await closeDb(db);
    await s3?.stop();
    rmSync(s3Dir, { recursive: true, force: true });
    await database?.drop();
  });

  const queue = (options: Partial<ConstructorParameters<typeof JobQueue>[0]> = {}) =>
    new JobQueue({ connectionString: database.url, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, ...options });
  const start = async (handlers: Record<JobName, Handler>, q = queue()) => {
    const worker = await startWorker({ queue: q, handlers, logger: quiet, pollingIntervalSeconds: 0.5 });
    running.push(worker);
    return { worker, q };
  };
  const stateOf = async (q: JobQueue, name: JobName, id: string) => (await q.boss.findJobs(name, { id }))[0];

  it("purges abandoned uploads (object, then row), keeps the rest, and a second run changes nothing", async () => {
    await db.organization.create({ data: { id: "org-files", name: "Files", slug: "org-files" } });
    const old = new Date(Date.now() - 3 * 60 * 60_000);
    const file = (key: string, status: "pending" | "ready", createdAt: Date) =>
      db.storedFile.create({
        data: {
          organizationId: "org-files",
          createdById: "u1",
          objectKey: key,
          filename: `${key}.txt`,
          contentType: "text/plain",
          size: 1n,
          status,
          createdAt,
        },
      });
    await file("org-files/stale", "pending", old);
    await store.put("org-files/stale", "x", "text/plain");
    await file("org-files/recent", "pending", new Date());
    await file("org-files/done", "ready", old);
    const handlers = handlersFor(db, store, {
      uploadTtlSeconds: 600,
      uploadGraceMinutes: 60,
      authGraceDays: 7,
      auditRetentionDays: 365,
      exports: { ttlHours: 1, webUrl: "http://localhost:3000", mailer: null },
    });
    expect(await handlers["files.purge-incomplete"]({}, { id: "direct" })).toEqual({ removed: 1 });
    expect((await db.storedFile.findMany({ orderBy: { objectKey: "asc" } })).map((f) => f.objectKey)).toEqual([
      "org-files/done",
      "org-files/recent",
    ]);
    expect(await store.stat("org-files/stale")).toBeNull();
    expect(await handlers["files.purge-incomplete"]({}, { id: "direct" })).toEqual({ removed: 0 });

    await db.user.create({ data: { id: "u-auth", name: "A", email: "a@example.test" } });
    const long = new Date(Date.now() - 10 * 86_400_000);
    await db.session.createMany({
      data: [
        { id: "s-old", token: "t-old", userId: "u-auth", expiresAt: long },
        { id: "s-new", token: "t-new", userId: "u-auth", expiresAt: new Date(Date.now() + 86_400_000) },
      ],
    });
    await db.verification.create({ data: { id: "v-old", identifier: "x", value: "y", expiresAt: long } });
    // Keys revoked past the grace period go; one revoked yesterday stays listed.
    const key = (id: string, revokedAt: Date | null) => ({
      id,
      referenceId: "org-keys",
      key: `hash-${id}`,
      createdAt: long,
      updatedAt: long,
      revokedAt,
    });
    await db.apikey.createMany({
      data: [
        key("k-revoked-long-ago", long),
        key("k-revoked-recently", new Date(Date.now() - 86_400_000)),
        key("k-live", null),
      ],
    });
    expect(await handlers["auth.purge-expired"]({}, { id: "direct" })).toEqual({
      sessions: 1,
      verifications: 1,
      invitations: 0,
      apiKeys: 1,
    });
    expect((await db.session.findMany()).map((s) => s.id)).toEqual(["s-new"]);
    expect((await db.apikey.findMany({ orderBy: { id: "asc" } })).map((k) => k.id)).toEqual([
      "k-live",
      "k-revoked-recently",
    ]);
    expect(await handlers["auth.purge-expired"]({}, { id: "direct" })).toEqual({
      sessions: 0,
      verifications: 0,
      invitations: 0,
      apiKeys: 0,
    });
  });

  it("queues only the catalog's jobs, with payloads their schema accepts", async () => {
    const q = queue();
    await q.start();
    try {
      await expect(q.send("shell.run", { command: "id" })).rejects.toThrow(JobRefused);
      await expect(q.send("audit.retention", { days: 1 })).rejects.toThrow(/Invalid payload/);
      expect(await q.boss.findJobs("audit.retention")).toEqual([]);
    } finally {
      await q.stop();
    }
  });

  it("shares 200 jobs between two workers and runs each exactly once", async () => {
    const runs = new Map<string, string[]>();
    const counting =
      (who: string): Handler =>
      async (_payload, job) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), who]);
        return { by: who };
      };
    const first = await start(only({ "audit.retention": counting("first") }));
    await start(only({ "audit.retention": counting("second") }));
    const ids = await Promise.all(Array.from({ length: 200 }, () => first.q.send("audit.retention", {})));
    await vi.waitFor(
      async () => {
        const jobs = await first.q.boss.findJobs("audit.retention", { limit: 1000 });
        expect(jobs.filter((job) => ids.includes(job.id) && job.state === "completed")).toHaveLength(200);
      },
      { timeout: 60_000, interval: 500 },
    );
    expect(runs.size).toBe(200);
    expect([...runs.values()].filter((who) => who.length !== 1)).toEqual([]);
  }, 90_000);

  it("retries a failing job until it succeeds, and dead-letters one that never does", async () => {
    const attempts = new Map<string, number>();
    const { q } = await start(
      only({
        "files.purge-incomplete": async (_payload, job) => {
          const n = (attempts.get(job.id) ?? 0) + 1;
          attempts.set(job.id, n);
          if (n < 3) throw new Error(`attempt ${n} fails`);
          return { attempts: n };
        },
        "auth.purge-expired": async () => {
          throw new Error("always fails");
        },
      }),
      queue({ retryLimit: 2 }),
    );
    const flaky = await q.send("files.purge-incomplete", {});
    const broken = await q.send("auth.purge-expired", {});
    await vi.waitFor(
      async () => {
        expect(await stateOf(q, "files.purge-incomplete", flaky)).toMatchObject({ state: "completed", retryCount: 2 });
        expect(await stateOf(q, "auth.purge-expired", broken)).toMatchObject({ state: "failed", retryCount: 2 });
      },
      { timeout: 45_000, interval: 500 },
    );
    const dead = await q.boss.findJobs("auth.purge-expired.dead");
    expect(dead).toHaveLength(1);
  }, 60_000);

  it("lets the job in flight finish when stopped", async () => {
    let release: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { q, worker } = await start(
      only({
        "audit.retention": async () => {
          release();
          await new Promise((resolve) => setTimeout(resolve, 1500));
          return { finished: true };
        },
      }),
    );
    const id = await q.send("audit.retention", {});
    await started;
    await worker.stop();
    const reader = queue();
    await reader.boss.start();
    expect(await stateOf(reader, "audit.retention", id)).toMatchObject({
      state: "completed",
      output: { finished: true },
    });
    await reader.boss.stop({ graceful: false });
  }, 60_000);

  it("fires a schedule once per occurrence, with two workers keeping it", async () => {
    const runs: string[] = [];
    const schedules = {
      "files.purge-incomplete": "0 0 1 1 *",
      "auth.purge-expired": "0 0 1 1 *",
      "audit.retention": "* * * * *",
    };
    const handlers = only({
      "audit.retention": async (_payload, job) => {
        runs.push(job.id);
        return {};
      },
    });
    for (let i = 0; i < 2; i++) {
      const worker = await startWorker({
        queue: queue({ scheduleCheckSeconds: 1 }),
        handlers,
        logger: quiet,
        schedules,
        pollingIntervalSeconds: 0.5,
      });
      running.push(worker);
    }
    // The next minute's occurrence, then a few seconds for a second copy to show up if there were one.
    await vi.waitFor(() => expect(runs.length).toBeGreaterThan(0), { timeout: 75_000, interval: 500 });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    // Each occurrence ran once. pg-boss also fires the current minute's occurrence when a
    // schedule starts mid-minute, so near a minute's end the wait can take in the next one
    // too: runs in two different minutes are right, two in one minute would be a double fire.
    const created = await db.$queryRawUnsafe<{ minute: string }[]>(
      "SELECT to_char(date_trunc('minute', created_on), 'HH24:MI') AS minute FROM pgboss.job WHERE id = ANY($1::uuid[])",
      runs,
    );
    expect(created).toHaveLength(runs.length);
    expect(new Set(created.map((row) => row.minute)).size).toBe(runs.length);
    expect(runs.length).toBeLessThanOrEqual(2);
  }, 90_000);
});
