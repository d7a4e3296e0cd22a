// What the API needs from the outside world; the server builds these once and
// passes them in, tests build them against real services.
import type { ApiKeySummary, CreateApiKeyInput } from "@acme/auth";
import type { Db } from "@acme/db";
import type { ObjectStore } from "@acme/storage";
import type { Logger } from "pino";
import type { ApiKeyCache } from "./auth/api-key-cache";
import type { JwtVerifier } from "./auth/jwt-verifier";
import type { IpBudget } from "./rate-limit/ip-budget";
import type { RateLimiter } from "./rate-limit/limiter";

export interface FilesConfig {
  maxBytes: number;
  uploadUrlTtlSeconds: number;
  downloadUrlTtlSeconds: number;
}

/** Key management for the signed-in user (JWT sessions only). */
export interface ApiKeyAdmin {
  create(userId: string, input: CreateApiKeyInput): Promise<ApiKeySummary & { key: string }>;
  list(userId: string): Promise<ApiKeySummary[]>;
  revoke(userId: string, keyId: string): Promise<boolean>;
}

export interface KeyRevocations {
  publish(keyId: string): Promise<void>;
}

export interface ApiDeps {
  db: Db;
  store: ObjectStore;
  jwt: JwtVerifier;
  apiKeys: ApiKeyCache;
  rateLimiter: RateLimiter;
  /** Failed authentications per client IP; costly checks need a point left. */
  authFailures: IpBudget;
  /** Tells every API instance that a key was revoked (Redis pub/sub), this one included. */
  revocations: KeyRevocations;
  apiKeyAdmin: ApiKeyAdmin;
  logger: Logger;
  files: FilesConfig;
}
