// Builds the auth server from the environment: the one place that turns AuthEnv
// into an AuthConfig with its mailer, Redis-backed limiter and logger.
import { type Db, getDb } from "@acme/db";
import { Redis } from "ioredis";
import { accessPublisher } from "./access-channel";
import { type AuthConfig, initAuth } from "./auth";
import { type AuthEnv, authEnv } from "./env";
import { type AuthLogger, consoleLogger } from "./logger";
import { DevOutbox, type Mailer, SmtpMailer } from "./mail/mailer";
import { redisRateLimitStorage } from "./rate-limit-storage";
import { resolveAuthSecret } from "./secret";
import { providerButtons, type SignInProviders } from "./security/sign-in-providers";

const holder = globalThis as typeof globalThis & { __acmeDevOutbox?: DevOutbox };

/** The development outbox, or null when mail goes out over SMTP or in production. */
export function getDevOutbox(): DevOutbox | null {
  return holder.__acmeDevOutbox ?? null;
}

function mailerFor(env: AuthEnv, logger: AuthLogger): Mailer {
  if (env.SMTP_URL) return new SmtpMailer(env.SMTP_URL, env.MAIL_FROM);
  if (env.NODE_ENV === "production") {
    logger.warn("auth: SMTP_URL is unset; verification and reset mails are not sent");
  }
  holder.__acmeDevOutbox ??= new DevOutbox(logger);
  return holder.__acmeDevOutbox;
}

export interface AuthFromEnvOptions {
  db?: Db;
  logger?: AuthLogger;
  mailer?: Mailer;
  env?: AuthEnv;
}

export function authConfigFromEnv(options: AuthFromEnvOptions = {}): AuthConfig {
  const env = options.env ?? authEnv();
  const logger = options.logger ?? consoleLogger;
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on("error", (error) => logger.warn(`auth: Redis error: ${error.message}`));
  return {
    db: options.db ?? getDb(),
    secret: resolveAuthSecret(env),
    baseURL: env.BETTER_AUTH_URL,
    issuer: env.AUTH_ISSUER ?? env.BETTER_AUTH_URL,
    audience: env.AUTH_AUDIENCE,
    jwtExpiresIn: env.AUTH_JWT_EXPIRES_IN,
    jwksRotationDays: env.AUTH_JWKS_ROTATION_DAYS,
    jwksGraceDays: env.AUTH_JWKS_GRACE_DAYS,
    trustedOrigins: env.AUTH_TRUSTED_ORIGINS ?? [env.BETTER_AUTH_URL],
    trustedProxies: env.AUTH_TRUSTED_PROXIES,
    requireEmailVerification: env.AUTH_REQUIRE_EMAIL_VERIFICATION,
    rateLimit: {
      enabled: true,
      windowSeconds: env.AUTH_RATE_LIMIT_WINDOW_SECONDS,
      max: env.AUTH_RATE_LIMIT_MAX,
      sensitiveMax: env.AUTH_SENSITIVE_RATE_LIMIT_MAX,
      storage: redis ? redisRateLimitStorage(redis) : undefined,
    },
    apiKeyPrefix: env.API_KEY_PREFIX,
    passkey: {
      rpId: env.AUTH_PASSKEY_RP_ID ?? new URL(env.BETTER_AUTH_URL).hostname,
      origins: env.AUTH_PASSKEY_ORIGINS ?? [new URL(env.BETTER_AUTH_URL).origin],
    },
    signInProviders: signInProvidersFromEnv(env),
    admin: { impersonationMinutes: env.AUTH_IMPERSONATION_MINUTES },
    mailer: options.mailer ?? mailerFor(env, logger),
    auditSpoolFile: env.AUDIT_SPOOL_FILE ?? `.data/audit-spool-${new URL(env.BETTER_AUTH_URL).port || "default"}.jsonl`,
    logger,
    ...(redis ? { onAccessChange: accessPublisher(redis, (message) => logger.warn(message)) } : {}),
  };
}

/** The sign-in buttons the configuration enables (GitHub, Google, OIDC), for the sign-in page. */
export function signInButtonsFromEnv(env: AuthEnv = authEnv()) {
  return providerButtons(signInProvidersFromEnv(env));
}

function signInProvidersFromEnv(env: AuthEnv): SignInProviders {
  const pair = (id?: string, secret?: string) => (id && secret ? { clientId: id, clientSecret: secret } : undefined);
  const oidc = pair(env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET);
  return {
    github: pair(env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET),
    google: pair(env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET),
    oidc: oidc && env.OIDC_ISSUER ? { ...oidc, issuer: env.OIDC_ISSUER, name: env.OIDC_NAME } : undefined,
  };
}

export function createAuthFromEnv(options: AuthFromEnvOptions = {}) {
  const config = authConfigFromEnv(options);
  logStartup(config);
  return initAuth(config);
}

function logStartup(config: AuthConfig): void {
  const mail = config.mailer.kind === "smtp" ? "SMTP" : "development outbox (/dev/outbox)";
  const limits = config.rateLimit.storage ? "Redis" : "memory";
  config.logger.info(
    `auth: issuer ${config.issuer}, audience ${config.audience}, mail via ${mail}, limits in ${limits}`,
  );
}
