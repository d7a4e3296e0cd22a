// The worker: runs the catalog's jobs from pg-boss, one at a time per job name on each
// instance (several instances share the work; pg-boss hands each job to one of them),
// and keeps the schedules (stored in Postgres, so each fires once however many workers
// run). stop() lets a job in flight finish, or releases it for a retry past the timeout.
import type { Db } from "@acme/db";
import { purgeAuditEvents } from "@acme/db/audit";
import { checkJob, JOB_NAMES, JOBS, type JobName, type JobQueue } from "@acme/jobs";
import type { ObjectStore } from "@acme/storage";
import type { JobResult } from "pg-boss";
import type { Logger } from "pino";
import { buildExport, type ExportSettings } from "./jobs/account-export";
import { purgeDeletedObjects } from "./jobs/account-purge";
import { purgeExpired } from "./jobs/auth";
import { purgeIncompleteUploads } from "./jobs/files";

export type Handler = (payload: Record<string, unknown>, job: { id: string }) => Promise<Record<string, unknown>>;

export interface HandlerSettings {
  uploadTtlSeconds: number;
  uploadGraceMinutes: number;
  authGraceDays: number;
  auditRetentionDays: number;
  exports: ExportSettings;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What each job does, on these services with these settings. */
export function handlersFor(db: Db, store: ObjectStore, settings: HandlerSettings): Record<JobName, Handler> {
  const ago = (ms: number) => new Date(Date.now() - ms);
  return {
    "files.purge-incomplete": () =>
      purgeIncompleteUploads(db, store, ago(settings.uploadTtlSeconds * 1000 + settings.uploadGraceMinutes * MINUTE)),
    "auth.purge-expired": () => purgeExpired(db, ago(settings.authGraceDays * DAY)),
    "audit.retention": async () => ({ removed: await purgeAuditEvents(db, settings.auditRetentionDays) }),
    "account.purge": async () => ({
      ...(await purgeDeletedObjects(db, store, {
        uploadWindowMs: settings.uploadTtlSeconds * 1000 + 5 * MINUTE,
        exportTtlMs: settings.exports.ttlHours * 3_600_000,
      })),
    }),
    "account.export": (payload) =>
      buildExport(db, store, settings.exports, payload as { exportId: string; userId: string }),
  };
}

export interface WorkerOptions {
  queue: JobQueue;
  handlers: Record<JobName, Handler>;
  logger: Logger;
  /** Cron per scheduled job; a job in `disabled` or without one is not scheduled (it still runs when enqueued). */
  schedules?: Partial<Record<JobName, string>>;
  disabled?: ReadonlySet<JobName>;
  pollingIntervalSeconds?: number;
  stopTimeoutSeconds?: number;
}

/** One job: its payload checked again (a row put in the queue by other means runs nothing unexpected). */
async function run(
  name: JobName,
  job: { id: string; data: Record<string, unknown> | null },
  handler: Handler,
  logger: Logger,
): Promise<JobResult> {
  const started = Date.now();
  let payload: Record<string, unknown>;
  try {
    payload = checkJob(name, job.data ?? {}).payload;
  } catch (error) {
    logger.error({ job: name, id: job.id, err: error }, "job refused: straight to the dead-letter queue");
    return { id: job.id, status: "deadletter", output: { error: (error as Error).message } };
  }
  try {
    const output = await handler(payload, { id: job.id });
    logger.info({ job: name, id: job.id, ms: Date.now() - started, output }, "job done");
    return { id: job.id, status: "completed", output };
  } catch (error) {
    logger.warn({ job: name, id: job.id, err: error }, "job failed; retried until its limit, then dead-lettered");
    return { id: job.id, status: "failed", output: { error: (error as Error).message } };
  }
}

export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { queue, handlers, logger } = options;
  await queue.start();
  // Schedules first: a schedule pg-boss refuses stops the start before any job runs.
  for (const name of JOB_NAMES) {
    if (!options.schedules) break;
    const cron = options.schedules[name];
    if (!cron || options.disabled?.has(name)) await queue.boss.unschedule(name);
    else await queue.boss.schedule(name, cron, {}, { tz: "UTC" });
  }
  for (const name of JOB_NAMES) {
    // Up to ten jobs a fetch, fetched again at once while batches come back full; each job
    // is settled on its own (one failing does not fail the others).
    await queue.boss.work<Record<string, unknown>>(
      name,
      {
        batchSize: JOBS[name].batchSize,
        burstWhenBatchFull: true,
        perJobResults: true,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      },
      async (jobs): Promise<JobResult[]> => {
        const results: JobResult[] = [];
        for (const job of jobs) results.push(await run(name, job, handlers[name], logger));
        return results;
      },
    );
  }
  logger.info({ jobs: JOB_NAMES }, "worker started");
  return {
    async stop() {
      await queue.stop(options.stopTimeoutSeconds ?? 30);
      logger.info("worker stopped");
    },
  };
}
