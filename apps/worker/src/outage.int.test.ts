// Postgres goes away while a job runs (a TCP proxy between the worker and Postgres is
// cut): the worker's /ready says 503, the run cannot be recorded as done, and once
// Postgres is back the run is found lost (past its timeout) and retried to completion.
// Nothing is lost, and /ready says 200 again.
import { startTcpProxy, type TcpProxy } from "@acme/config/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { JOB_NAMES, type JobName } from "@acme/jobs";
import { JobQueue } from "@acme/jobs/queue";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type HealthServer, startHealthServer } from "./health";
import { type Handler, startWorker } from "./worker";

describe("the worker through a Postgres outage", () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    const url = new URL(database.url);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
  });
  afterAll(async () => {
    await proxy?.stop();
    await database?.drop();
  });

  it("retries the run after Postgres comes back, and /ready follows the connection", async () => {
    const proxied = new URL(database.url);
    proxied.port = String(proxy.port);
    const attempts: number[] = [];
    let cutDuringFirst: () => void = () => {};
    const firstRunning = new Promise<void>((resolve) => {
      cutDuringFirst = resolve;
    });
    let outageOver: () => void = () => {};
    const restored = new Promise<void>((resolve) => {
      outageOver = resolve;
    });
    const retention: Handler = async () => {
      attempts.push(Date.now());
      if (attempts.length === 1) {
        cutDuringFirst();
        // Still working when Postgres goes away; finishes while it is away.
        await restored;
      }
      return { attempt: attempts.length };
    };
    const noop: Handler = async () => ({});
    const handlers = Object.fromEntries(
      JOB_NAMES.map((name) => [name, name === "audit.retention" ? retention : noop]),
    ) as Record<JobName, Handler>;
    const queue = new JobQueue({
      connectionString: proxied.toString(),
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
      // A run not recorded within 3 s is presumed lost; lost runs are looked for every second.
      timeoutSeconds: 3,
      superviseIntervalSeconds: 1,
      onError: () => {},
    });
    const worker = await startWorker({
      queue,
      handlers,
      logger: pino({ level: "silent" }),
      pollingIntervalSeconds: 0.5,
    });
    let health: HealthServer | undefined;
    const reader = new JobQueue({ connectionString: database.url, producer: true });
    try {
      health = await startHealthServer(queue, 0, "127.0.0.1");
      const ready = () => fetch(`http://127.0.0.1:${health?.port}/ready`).then((r) => r.status);
      expect(await ready()).toBe(200);
      await reader.start();
      const id = await reader.send("audit.retention", {});
      await firstRunning;

      await proxy.cut();
      expect(await ready()).toBe(503);
      // The run ends while Postgres is away: its result cannot be written.
      outageOver();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await reader.boss.findJobs("audit.retention", { id }))[0]?.state).toBe("active");

      await proxy.restore();
      await vi.waitFor(async () => expect(await ready()).toBe(200), { timeout: 20_000, interval: 500 });
      await vi.waitFor(
        async () =>
          expect((await reader.boss.findJobs("audit.retention", { id }))[0]).toMatchObject({
            state: "completed",
            output: { attempt: 2 },
          }),
        { timeout: 45_000, interval: 500 },
      );
      expect(attempts).toHaveLength(2);
    } finally {
      await health?.close();
      await worker.stop().catch(() => undefined);
      await reader.stop().catch(() => undefined);
    }
  }, 90_000);
});
