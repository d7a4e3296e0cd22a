// The worker's own settings, validated at startup (the database, the object store and
// the job schedules come from their packages' env modules).
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";

export const workerEnvSchema = z.object({
  NODE_ENV: envField.nodeEnv(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
  /** How long a presigned upload URL lives (the API's setting): uploads older than this plus the grace are abandoned. */
  FILE_UPLOAD_URL_TTL_SECONDS: envField.positiveInt().default(600),
  JOBS_UPLOAD_GRACE_MINUTES: envField.positiveInt().default(60),
  /** Expired sessions, tokens, invitations and keys are kept this long for support, then removed. */
  JOBS_AUTH_GRACE_DAYS: envField.positiveInt().default(7),
  /** Seconds a job in flight may take to finish at SIGTERM before it is released for a retry. */
  WORKER_STOP_TIMEOUT_SECONDS: envField.positiveInt().default(30),
  /** GET /health and /ready (Postgres reachable) for probes; 0 turns the port off. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** How long finished runs and dead-letter copies stay in the admin view's history. */
  JOBS_HISTORY_DAYS: envField.positiveInt().max(3650).default(30),
  /** How long a finished data export stays downloadable before account.purge deletes it. */
  EXPORT_TTL_HOURS: envField
    .positiveInt()
    .max(24 * 30)
    .default(168),
  /** The web app (for links in mails), and how mail goes out: as the auth server's settings. */
  BETTER_AUTH_URL: envField.url(["http", "https"]).default("http://localhost:3000"),
  SMTP_URL: envField.url(["smtp", "smtps"]).optional(),
  MAIL_FROM: z.string().min(3).default("Platform <no-reply@localhost>"),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function workerEnv(source?: Record<string, string | undefined>): WorkerEnv {
  return parseEnv(workerEnvSchema, source);
}
