// What the API needs from the outside world; the server builds these once and
// passes them in, tests build them against real services.
import type { AccessChange, ApiKeySummary, CreateApiKeyInput, RevokeOutcome } from "@acme/auth";
import type { Db } from "@acme/db";
import type { JobName, SqlExecutor } from "@acme/jobs";
import type { ObjectStore } from "@acme/storage";
import type { Logger } from "pino";
import type { ApiKeyCache } from "./auth/api-key-cache";
import type { JwtVerifier } from "./auth/jwt-verifier";
import type { MembershipCache } from "./auth/membership-cache";
import type { CursorCodec } from "./pagination/cursor";
import type { IpBudget } from "./rate-limit/ip-budget";
import type { RateLimiter } from "./rate-limit/limiter";

export interface FilesConfig {
  maxBytes: number;
  uploadUrlTtlSeconds: number;
  downloadUrlTtlSeconds: number;
}

/** Key management for the active organization (JWT sessions only). */
export interface ApiKeyAdmin {
  create(userId: string, input: CreateApiKeyInput, organizationId: string): Promise<ApiKeySummary & { key: string }>;
  revoke(organizationId: string, keyId: string): Promise<RevokeOutcome>;
}

/** Asks the auth server to mail a password-reset link (it owns the mailer and the reset tokens). */
export interface PasswordResets {
  send(email: string): Promise<void>;
}

/**
 * Puts a catalog job on the worker's queue; its id. Fails while no worker has set the
 * queues up. `within`: written in that transaction (see jobs/within.ts).
 */
export interface JobSender {
  send(name: JobName, payload: Record<string, unknown>, within?: SqlExecutor): Promise<string>;
  /** A failed run tried again, or a queued one cancelled (pg-boss's own commands). */
  control(action: "retry" | "cancel", name: JobName, id: string): Promise<void>;
}

/** Announces cut access to every API instance (Redis pub/sub), this one included. */
export interface AccessCuts {
  publish(change: AccessChange): Promise<void>;
}

export interface ApiDeps {
  db: Db;
  store: ObjectStore;
  jwt: JwtVerifier;
  apiKeys: ApiKeyCache;
  memberships: MembershipCache;
  rateLimiter: RateLimiter;
  /** The ceiling each organization shares across its members and keys. */
  organizationRateLimiter: RateLimiter;
  /** Failed authentications per client IP; costly checks need a point left. */
  authFailures: IpBudget;
  /** Tells every API instance that access was cut: a key revoked, an organization deleted. */
  revocations: AccessCuts;
  apiKeyAdmin: ApiKeyAdmin;
  passwordResets: PasswordResets;
  jobs: JobSender;
  logger: Logger;
  files: FilesConfig;
  /** Signs and checks list cursors; one secret across instances. */
  cursors: CursorCodec;
}
