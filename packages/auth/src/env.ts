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
  /** How long an admin's impersonation session lasts before it ends by itself. */
  AUTH_IMPERSONATION_MINUTES: envField
    .positiveInt()
    .max(24 * 60)
    .default(30),
  API_KEY_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,8}_$/, "must be a few lowercase letters ending in _")
    .default("sk_"),
  SMTP_URL: envField.url(["smtp", "smtps"]).optional(),
  MAIL_FROM: z.string().min(3).default("Platform <no-reply@localhost>"),
  REDIS_URL: envField.url(["redis", "rediss"]).optional(),
  /**
   * Where sign-in and sign-out audit events wait for Postgres (a local file, one per
   * instance; replayed at start, so a crash loses none). Default:
   * .data/audit-spool-<port of BETTER_AUTH_URL>.jsonl under the working directory.
   */
  AUDIT_SPOOL_FILE: z.string().min(1).optional(),
  /** Passkeys: the site's domain (default: BETTER_AUTH_URL's host) and the origins sign-ins come from. */
  AUTH_PASSKEY_RP_ID: z.string().min(1).optional(),
  AUTH_PASSKEY_ORIGINS: envField.csv().optional(),
  /** Sign-in providers: each is offered only when its id and secret are set. */
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ISSUER: envField.url(["http", "https"]).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(40).default("Single sign-on"),
  /** Development only: where a generated secret is kept across restarts. */
  AUTH_DEV_SECRET_FILE: envField.path(".data/auth-secret"),
});

export type AuthEnv = z.infer<typeof authEnvSchema>;

const PROVIDER_VARIABLES: [string, (keyof AuthEnv)[]][] = [
  ["GitHub", ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"]],
  ["Google", ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"]],
  ["OpenID Connect", ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]],
];

export function authEnv(source?: Record<string, string | undefined>): AuthEnv {
  const env = parseEnv(authEnvSchema, source);
  if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
    throw new ConfigError("BETTER_AUTH_SECRET is required in production (32+ random characters)");
  }
  for (const [prefix, names] of PROVIDER_VARIABLES) {
    const set = names.filter((name) => env[name] !== undefined);
    if (set.length > 0 && set.length < names.length) {
      throw new ConfigError(`${prefix} sign-in needs ${names.join(", ")}; only ${set.join(", ")} is set`);
    }
  }
  return env;
}

const seedEnvSchema = z.object({
  SEED_DEMO_EMAIL: z.email().default("demo@example.com"),
  /** Unset: a random password is generated and printed once. */
  SEED_DEMO_PASSWORD: z.string().min(8).max(128).optional(),
  /** The first platform admin: made an admin (the account created first, like the demo user, when missing). */
  SEED_ADMIN_EMAIL: z.email().optional(),
  SEED_ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
});

export function seedEnv(source?: Record<string, string | undefined>) {
  return parseEnv(seedEnvSchema, source);
}
