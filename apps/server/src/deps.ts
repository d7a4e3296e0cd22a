// Builds the API's dependencies from the config, and knows how to close them.

import { randomBytes } from "node:crypto";
import {
  type ApiDeps,
  ApiKeyCache,
  CursorCodec,
  IpBudget,
  JwksCache,
  JwtVerifier,
  MembershipCache,
  RateLimiter,
} from "@acme/api";
import { type AuthLogger, activeMemberRole, createApiKeyVerifier } from "@acme/auth";
import { closeDb, createDb } from "@acme/db";
import { ObjectStore } from "@acme/storage";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { ServerConfig } from "./config";
import { jobSender } from "./job-sender";
import { passwordResetsVia } from "./password-resets";
import { revocationFeed } from "./revocations";

export interface BuiltDeps {
  deps: ApiDeps;
  jwks: JwksCache;
  redis: Redis | null;
  /** Every request's first check, before credentials are looked at. */
  preAuth: IpBudget;
  /** Resolves once the instance hears other instances' key revocations. */
  listening: Promise<void>;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** This process hosts no Better Auth server (the API server's own entry point); see packages/auth/src/idle-contexts.ts. */
  soleBetterAuthUser?: boolean;
}

export function buildDeps(config: ServerConfig, logger: Logger, options: BuildOptions = {}): BuiltDeps {
  const env = config.server;
  const db = createDb({
    ...config.db,
    onConnectionError: (error) =>
      logger.warn({ err: error.message }, "the database closed a connection; the pool opens another"),
  });
  const store = new ObjectStore(config.storage);
  // Better Auth's details (an error, a context object) go into the structured line, redacted like any other.
  const withDetails = (details: unknown) => (details === undefined ? {} : { details });
  const authLogger: AuthLogger = {
    debug: (m, details) => logger.debug(withDetails(details), m),
    info: (m, details) => logger.info(withDetails(details), m),
    warn: (m, details) => logger.warn(withDetails(details), m),
    error: (m, details) => logger.error(withDetails(details), m),
  };
  const keyVerifier = createApiKeyVerifier({
    db,
    logger: authLogger,
    apiKeyPrefix: env.API_KEY_PREFIX,
    soleBetterAuthUser: options.soleBetterAuthUser,
  });

  let jwt: JwtVerifier | undefined;
  const jwks = new JwksCache({
    url: env.AUTH_JWKS_URL ?? `${env.BETTER_AUTH_URL}/api/auth/jwks`,
    ttlMs: env.JWKS_CACHE_TTL_SECONDS * 1000,
    cooldownMs: env.JWKS_COOLDOWN_SECONDS * 1000,
    maxStaleMs: env.JWKS_MAX_STALE_SECONDS * 1000,
    onKeysChanged: () => jwt?.clear(),
  });
  jwt = new JwtVerifier(jwks, { issuer: env.AUTH_ISSUER ?? env.BETTER_AUTH_URL, audience: env.AUTH_AUDIENCE });

  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : null;
  redis?.on("error", (error) => logger.warn({ err: error.message }, "redis error; limits fall back to memory"));

  const apiKeys = new ApiKeyCache({
    verify: keyVerifier.verify,
    ttlMs: env.API_KEY_CACHE_TTL_SECONDS * 1000,
    negativeTtlMs: env.API_KEY_NEGATIVE_CACHE_TTL_SECONDS * 1000,
  });
  const memberships = new MembershipCache({
    ttlMs: env.MEMBERSHIP_CACHE_TTL_SECONDS * 1000,
    // A banned user is a member of nothing: their tokens are refused until the ban ends.
    lookup: (organizationId, userId) => activeMemberRole(db, organizationId, userId),
  });
  const feed = revocationFeed(redis, { apiKeys, memberships }, logger);
  const jobs = jobSender(config.db.url, (error) => logger.warn({ err: error.message }, "job queue error"));

  const deps: ApiDeps = {
    db,
    store,
    jwt,
    apiKeys,
    memberships,
    authFailures: new IpBudget(env.AUTH_FAILURE_LIMIT_POINTS, env.RATE_LIMIT_WINDOW_SECONDS),
    revocations: feed.revocations,
    apiKeyAdmin: { create: keyVerifier.create, revoke: keyVerifier.revoke },
    passwordResets: passwordResetsVia(env.BETTER_AUTH_URL),
    jobs,
    cursors: new CursorCodec(env.CURSOR_SECRET ?? randomBytes(32).toString("base64url")),
    organizationRateLimiter: new RateLimiter({
      enabled: env.RATE_LIMIT_ENABLED,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      readPoints: env.ORG_RATE_LIMIT_READ_POINTS,
      writePoints: env.ORG_RATE_LIMIT_WRITE_POINTS,
      redis: redis ?? undefined,
      keyPrefix: "api:rl-org",
    }),
    rateLimiter: new RateLimiter({
      enabled: env.RATE_LIMIT_ENABLED,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      readPoints: env.RATE_LIMIT_READ_POINTS,
      writePoints: env.RATE_LIMIT_WRITE_POINTS,
      redis: redis ?? undefined,
    }),
    logger,
    files: {
      maxBytes: env.FILE_MAX_BYTES,
      uploadUrlTtlSeconds: env.FILE_UPLOAD_URL_TTL_SECONDS,
      downloadUrlTtlSeconds: env.FILE_DOWNLOAD_URL_TTL_SECONDS,
    },
  };

  return {
    deps,
    jwks,
    redis,
    preAuth: new IpBudget(env.PREAUTH_RATE_LIMIT_POINTS, env.RATE_LIMIT_WINDOW_SECONDS),
    listening: feed.ready,
    async close() {
      feed.close();
      await jobs.close();
      redis?.disconnect();
      await closeDb(db);
    },
  };
}
