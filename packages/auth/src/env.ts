// The auth server's configuration, validated at startup. Nothing else in the
// package reads process.env.
import { ConfigError, envField, parseEnv } from "@acme/config";
import { z } from "zod";

export const authEnvSchema = z.object({
  NODE_ENV: envField.nodeEnv(),
  /** Signs cookies and encrypts the JWT private keys. Required in production. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Where the auth server is reached; also the JWT issuer unless AUTH_ISSUER says otherwise. */
  BETTER_AUTH_URL: envField.url(["http", "https"]).default("http://localhost:3000"),
  AUTH_ISSUER: envField.url(["http", "https"]).optional(),
  /** The API server's URL: the JWT audience. */
  AUTH_AUDIENCE: z.string().min(1).default("http://localhost:4000"),
  AUTH_JWT_EXPIRES_IN: z
    .string()
    .regex(/^\d+\s*(s|m|h)$/, "must look like 15m, 900s or 1h")
    .default("15m"),
  /** Rotate the signing key this often (days); unset keeps one key. */
  AUTH_JWKS_ROTATION_DAYS: envField.positiveInt().optional(),
  /** How long a rotated-out key stays in the JWKS (days). */
  AUTH_JWKS_GRACE_DAYS: envField.positiveInt().default(30),
  AUTH_TRUSTED_ORIGINS: envField.csv().optional(),
  /** Reverse proxies whose X-Forwarded-For entries are trusted (IPs or CIDRs). */
  AUTH_TRUSTED_PROXIES: envField.csv().optional(),
  AUTH_REQUIRE_EMAIL_VERIFICATION: envField.boolean().default(true),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: envField.positiveInt().default(60),
  AUTH_RATE_LIMIT_MAX: envField.positiveInt().default(100),
  /** Sign-in, sign-up and password-reset attempts per client per window. */
  AUTH_SENSITIVE_RATE_LIMIT_MAX: envField.positiveInt().default(5),
  API_KEY_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,8}_$/, "must be a few lowercase letters ending in _")
    .default("sk_"),
  SMTP_URL: envField.url(["smtp", "smtps"]).optional(),
  MAIL_FROM: z.string().min(3).default("Platform <no-reply@localhost>"),
  REDIS_URL: envField.url(["redis", "rediss"]).optional(),
  /** Development only: where a generated secret is kept across restarts. */
  AUTH_DEV_SECRET_FILE: envField.path(".data/auth-secret"),
});

export type AuthEnv = z.infer<typeof authEnvSchema>;

export function authEnv(source?: Record<string, string | undefined>): AuthEnv {
  const env = parseEnv(authEnvSchema, source);
  if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
    throw new ConfigError("BETTER_AUTH_SECRET is required in production (32+ random characters)");
  }
  return env;
}

const seedEnvSchema = z.object({
  SEED_DEMO_EMAIL: z.email().default("demo@example.com"),
  /** Unset: a random password is generated and printed once. */
  SEED_DEMO_PASSWORD: z.string().min(8).max(128).optional(),
});

export function seedEnv(source?: Record<string, string | undefined>) {
  return parseEnv(seedEnvSchema, source);
}
