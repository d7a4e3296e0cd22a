// The database package's configuration, validated once at startup.
import { ConfigError, envField, parseEnv } from "@acme/config";
import { z } from "zod";

export const dbEnvSchema = z.object({
  DATABASE_URL: envField.url(["postgres", "postgresql"]).optional(),
  DB_POOL_SIZE: envField.positiveInt().max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: envField.positiveInt().default(5_000),
  DB_IDLE_TIMEOUT_MS: envField.positiveInt().default(10_000),
  /** Embedded PostgreSQL that `pnpm dev` and the database commands start when DATABASE_URL is unset. */
  EMBEDDED_DB_PORT: envField.port().default(54329),
  EMBEDDED_DB_DIR: envField.path(".data/postgres"),
  /** How long audit events are kept: `pnpm audit:purge` (and the retention job) removes older ones. */
  AUDIT_RETENTION_DAYS: envField.positiveInt().max(36_500).default(365),
  /** Where `pnpm db:studio` serves Prisma Studio. */
  STUDIO_PORT: envField.port().default(5555),
  /** Whether a browser can be opened (`db:studio` opens none without a display on Linux). */
  DISPLAY: z.string().optional(),
  WAYLAND_DISPLAY: z.string().optional(),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

export function dbEnv(source?: Record<string, string | undefined>): DbEnv {
  return parseEnv(dbEnvSchema, source);
}

/** The DATABASE_URL, or a one-line error saying how to get one. */
export function requireDatabaseUrl(env: DbEnv): string {
  if (!env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set (`pnpm dev` starts an embedded Postgres and sets it)");
  }
  return env.DATABASE_URL;
}
