// The worker process: `pnpm --filter @acme/worker start` (or `dev`). SIGTERM or SIGINT
// finishes the job in flight (or releases it for a retry), then exits.
import { type Mailer, SmtpMailer } from "@acme/auth/mail";
import { runMain } from "@acme/config/cli";
import { closeDb, createDb, dbEnv, dbOptionsFromEnv, requireDatabaseUrl } from "@acme/db";
import { jobsEnv } from "@acme/jobs/env";
import { JobQueue } from "@acme/jobs/queue";
import { ObjectStore, objectStoreConfigFromEnv, storageEnv } from "@acme/storage";
import pino from "pino";
import { workerEnv } from "./env";
import { startHealthServer } from "./health";
import { removeStaleTemporaryArchives } from "./jobs/account-export";
import { handlersFor, startWorker } from "./worker";

/** SMTP when configured; in development, a line in the log per mail; in production without SMTP, none. */
function mailerFor(env: ReturnType<typeof workerEnv>, logger: pino.Logger): Mailer | null {
  if (env.SMTP_URL) return new SmtpMailer(env.SMTP_URL, env.MAIL_FROM);
  if (env.NODE_ENV === "production") {
    logger.warn("SMTP_URL is unset: export-ready mails are not sent (the profile page still shows the export)");
    return null;
  }
  return {
    kind: "outbox",
    async send(mail) {
      logger.info({ to: mail.to, subject: mail.subject }, "mail (development: not sent; set SMTP_URL to send)");
    },
  };
}

async function main(): Promise<void> {
  const env = workerEnv();
  const database = dbEnv();
  const jobs = jobsEnv();
  const logger = pino({ level: env.LOG_LEVEL, base: { service: "worker" } });
  const db = createDb(dbOptionsFromEnv(database));
  const store = new ObjectStore(objectStoreConfigFromEnv(storageEnv()));
  // As the API server does: the bucket is there before the first job needs it.
  await store.ensureBucket();
  await removeStaleTemporaryArchives();
  const queue = new JobQueue({
    connectionString: requireDatabaseUrl(database),
    pollingIntervalSeconds: env.WORKER_POLL_SECONDS,
    onError: (error) => logger.warn({ err: error.message }, "pg-boss error"),
    historyDays: env.JOBS_HISTORY_DAYS,
  });
  const worker = await startWorker({
    queue,
    logger,
    handlers: handlersFor(db, store, {
      uploadTtlSeconds: env.FILE_UPLOAD_URL_TTL_SECONDS,
      uploadGraceMinutes: env.JOBS_UPLOAD_GRACE_MINUTES,
      authGraceDays: env.JOBS_AUTH_GRACE_DAYS,
      auditRetentionDays: database.AUDIT_RETENTION_DAYS,
      exports: { ttlHours: env.EXPORT_TTL_HOURS, webUrl: env.BETTER_AUTH_URL, mailer: mailerFor(env, logger) },
    }),
    schedules: jobs.schedules,
    disabled: jobs.disabled,
    pollingIntervalSeconds: env.WORKER_POLL_SECONDS,
    stopTimeoutSeconds: env.WORKER_STOP_TIMEOUT_SECONDS,
  });
  const health = env.WORKER_HEALTH_PORT ? await startHealthServer(queue, env.WORKER_HEALTH_PORT) : null;
  if (health) logger.info({ port: health.port }, "health: GET /health, /ready");
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "stopping");
    try {
      await health?.close();
      await worker.stop();
      await closeDb(db);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "the worker did not stop cleanly");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

await runMain("worker", main);
