// The API server's configuration, validated at startup.
import { ConfigError, envField, parseEnv } from "@acme/config";
import { z } from "zod";

export const serverEnvSchema = z.object({
  NODE_ENV: envField.nodeEnv(),
  HOST: z.string().default("127.0.0.1"),
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535, "must be a port number").default(4000),
  /** Where clients reach this server; the OpenAPI document's server URL. */
  PUBLIC_URL: envField.url(["http", "https"]).default("http://localhost:4000"),
  CORS_ORIGINS: envField.csv().default(["http://localhost:3000"]),
  BODY_LIMIT_BYTES: envField.positiveInt().default(1_048_576),
  /** Reverse proxies (addresses or CIDRs) whose X-Forwarded-For hops are believed; none by default. */
  TRUST_PROXY: envField.proxies(),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["pretty", "json"]).optional(),
  SHUTDOWN_TIMEOUT_MS: envField.positiveInt().default(10_000),
  /**
   * Requests doing their work at once; the others wait their turn, in order (a tRPC
   * batch is one request). Default: the database pool's size (DB_POOL_SIZE) or 16,
   * whichever is more. Too many makes the garbage collector the bottleneck under load
   * (bench/README.md).
   */
  MAX_CONCURRENT_REQUESTS: envField.positiveInt().optional(),
  /** How long a request may wait for a turn before it is answered 503 (a dependency stopped answering). */
  REQUEST_QUEUE_TIMEOUT_MS: envField.positiveInt().max(600_000, "at most 600000 (10 minutes)").default(10_000),

  BETTER_AUTH_URL: envField.url(["http", "https"]).default("http://localhost:3000"),
  AUTH_JWKS_URL: envField.url(["http", "https"]).optional(),
  AUTH_ISSUER: envField.url(["http", "https"]).optional(),
  AUTH_AUDIENCE: z.string().min(1).default("http://localhost:4000"),
  JWKS_CACHE_TTL_SECONDS: envField.positiveInt().default(300),
  JWKS_COOLDOWN_SECONDS: envField.positiveInt().default(30),
  JWKS_MAX_STALE_SECONDS: envField.positiveInt().default(86_400),
  API_KEY_PREFIX: z.string().default("sk_"),
  API_KEY_CACHE_TTL_SECONDS: envField.positiveInt().default(30),
  API_KEY_NEGATIVE_CACHE_TTL_SECONDS: envField.positiveInt().default(5),
  /** How long a member's role is trusted without asking Postgres (changes announced on Redis cut it short). */
  MEMBERSHIP_CACHE_TTL_SECONDS: envField.positiveInt().max(30, "at most 30 seconds").default(15),

  RATE_LIMIT_ENABLED: envField.boolean().default(true),
  RATE_LIMIT_WINDOW_SECONDS: envField.positiveInt().default(60),
  RATE_LIMIT_READ_POINTS: envField.positiveInt().default(600),
  RATE_LIMIT_WRITE_POINTS: envField.positiveInt().default(120),
  /** Each organization's ceiling per window, shared by all its members and keys. */
  ORG_RATE_LIMIT_READ_POINTS: envField.positiveInt().default(6_000),
  ORG_RATE_LIMIT_WRITE_POINTS: envField.positiveInt().default(1_200),
  /** Requests per client IP per window, counted before any credential is checked (0: off). */
  PREAUTH_RATE_LIMIT_POINTS: z.coerce.number().int().min(0).default(6_000),
  /** Failed authentications per client IP per window; past it, 429 before any check (0: off). */
  AUTH_FAILURE_LIMIT_POINTS: z.coerce.number().int().min(0).default(30),
  REDIS_URL: envField.url(["redis", "rediss"]).optional(),

  /**
   * Signs list cursors; every instance behind one load balancer needs the same one.
   * Required in production; elsewhere a random one per process (cursors then end
   * with the process: a client starts again from the first page).
   */
  CURSOR_SECRET: z.string().min(32, "must be at least 32 characters").optional(),

  FILE_MAX_BYTES: envField.positiveInt().default(25 * 1_048_576),
  FILE_UPLOAD_URL_TTL_SECONDS: envField.positiveInt().default(600),
  FILE_DOWNLOAD_URL_TTL_SECONDS: envField.positiveInt().default(60),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export function serverEnv(source?: Record<string, string | undefined>): ServerEnv {
  const env = parseEnv(serverEnvSchema, source);
  if (env.NODE_ENV === "production" && !env.CURSOR_SECRET) {
    throw new ConfigError("CURSOR_SECRET is required in production (32+ random characters)");
  }
  return env;
}
