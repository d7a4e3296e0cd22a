// The worker as deployed, a process: its /ready answers while it reaches Postgres;
// SIGTERM while a job is running lets that job finish (never lost, never half done),
// then the process exits 0.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@acme/config/net";
import { closeDb, createDb, type Db } from "@acme/db";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { JobQueue } from "@acme/jobs/queue";
import { type EmbeddedS3, startEmbeddedS3 } from "@acme/storage/embedded";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

const FILES = 1500;

describe("the worker process", () => {
  let database: TestDatabase;
  let db: Db;
  let s3: EmbeddedS3;
  let s3Dir = "";
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 2 });
    s3Dir = mkdtempSync(join(tmpdir(), "worker-process-"));
    s3 = await startEmbeddedS3({ directory: s3Dir, port: 0 });
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    if (db) await closeDb(db);
    await s3?.stop();
    rmSync(s3Dir, { recursive: true, force: true });
    await database?.drop();
  });

  it("finishes the job in flight on SIGTERM, then exits 0", async () => {
    // Enough abandoned uploads that purging them takes a few seconds.
    await db.organization.create({ data: { id: "org-big", name: "Big", slug: "org-big" } });
    await db.$executeRawUnsafe(
      `INSERT INTO api.stored_files (id, organization_id, created_by_id, object_key, filename, content_type, size, status, created_at)
       SELECT gen_random_uuid(), 'org-big', 'u1', 'org-big/' || i, 'f' || i, 'text/plain', 1, 'pending', now() - interval '1 day'
       FROM generate_series(1, ${FILES}) AS i`,
    );
    const healthPort = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: join(here, ".."),
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY: s3.accessKey,
        S3_SECRET_KEY: s3.secretKey,
        S3_BUCKET: "process-test",
        WORKER_POLL_SECONDS: "0.5",
        WORKER_HEALTH_PORT: String(healthPort),
        // Room for the whole purge after SIGTERM, however loaded the machine.
        WORKER_STOP_TIMEOUT_SECONDS: "300",
        LOG_LEVEL: "warn",
        JOBS_DISABLED: "files.purge-incomplete,auth.purge-expired,audit.retention,account.purge",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    const sender = new JobQueue({ connectionString: database.url });
    try {
      await vi.waitFor(() => sender.start(), { timeout: 30_000, interval: 500 });
      const ready = await vi.waitFor(() => fetch(`http://127.0.0.1:${healthPort}/ready`), { timeout: 30_000 });
      expect([ready.status, await ready.json()]).toEqual([200, { status: "ready" }]);
      await finishesOnSigterm(sender, exited);
    } finally {
      await sender.stop();
    }
  }, 90_000);

  async function finishesOnSigterm(sender: JobQueue, exited: Promise<number | null>) {
    const id = await sender.send("files.purge-incomplete", {});
    // Running, and partway through.
    await vi.waitFor(
      async () => {
        const [job] = await sender.boss.findJobs("files.purge-incomplete", { id });
        expect(job?.state).toBe("active");
        expect(await db.storedFile.count()).toBeLessThan(FILES);
      },
      { timeout: 30_000, interval: 100 },
    );
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
    const [job] = await sender.boss.findJobs("files.purge-incomplete", { id });
    expect(job).toMatchObject({ state: "completed", output: { removed: FILES } });
    expect(await db.storedFile.count()).toBe(0);
  }
});
