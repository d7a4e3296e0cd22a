// The Better Auth instance an API server needs to verify API keys in-process. It
// signs nothing (no cookies, no JWTs), so it gets a random per-process secret and
// never needs BETTER_AUTH_SECRET.
import { randomBytes } from "node:crypto";
import type { Db } from "@acme/db";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { isBanned } from "./admin/ban";
import { apiKeyPlugin } from "./api-key-plugin";
import { type ApiKeyVerification, createApiKeyService, revokeKey } from "./api-keys";
import { idleContexts } from "./idle-contexts";
import { type AuthLogger, betterAuthLogger } from "./logger";
import { organizationPlugin } from "./organizations";

// Better Auth logs every refused key at error ("Failed to validate API key"). A
// refusal is an answer, not an incident: the API logs it once, at warn, with its
// reason. Only the refusals go down to debug; any other error stays an error.
function quietRefusals(logger: AuthLogger): AuthLogger {
  // Details arrive redacted: an Error becomes { name, message }.
  const isRefusal = (details: unknown) =>
    typeof details === "object" && details !== null && (details as { name?: unknown }).name === "APIError";
  return {
    ...logger,
    error(message, details) {
      if (message.includes("Failed to validate API key") && isRefusal(details)) logger.debug(message, details);
      else logger.error(message, details);
    },
  };
}

export interface ApiKeyVerifierOptions {
  db: Db;
  logger: AuthLogger;
  apiKeyPrefix?: string;
  /**
   * The process runs no Better Auth server of its own (the API server's entry point):
   * its async contexts are turned off between calls (idle-contexts.ts). The test
   * harness, which hosts the auth server in the same process, leaves it off.
   */
  soleBetterAuthUser?: boolean;
}

/**
 * A Better Auth instance with only what keys need: the organization plugin (a key's
 * creator must hold `apiKey:create` in its organization) and the key plugin, configured
 * as the auth server's. Without the sign-in plugins (passkeys alone are ~4 MB of heap),
 * no hooks (they guard HTTP endpoints, which this instance never serves) and no mail.
 */
function keyAuth(options: ApiKeyVerifierOptions) {
  const baseURL = "http://localhost";
  return betterAuth({
    baseURL,
    basePath: "/api/auth",
    secret: randomBytes(32).toString("base64url"),
    telemetry: { enabled: false },
    logger: betterAuthLogger(quietRefusals(options.logger)),
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    rateLimit: { enabled: false },
    plugins: [
      organizationPlugin({ db: options.db, baseURL, mailer: { kind: "outbox", send: async () => {} } }),
      apiKeyPlugin(options.apiKeyPrefix ?? "sk_"),
    ],
  });
}

export function createApiKeyVerifier(options: ApiKeyVerifierOptions) {
  const auth = keyAuth(options);
  const service = createApiKeyService(auth);
  const contexts = idleContexts();
  const guard = options.soleBetterAuthUser ? contexts.run : <T>(call: () => Promise<T>): Promise<T> => call();
  // The Better Auth instance stays inside: a call that bypassed `guard` could lose its context mid-way.
  return {
    contexts,
    verify: (key: string) => guard(() => service.verify(key)).then((result) => refuseBanned(options.db, result)),
    create: (...args: Parameters<typeof service.create>) => guard(() => service.create(...args)),
    revoke: (organizationId: string, keyId: string) => revokeKey(options.db, keyId, organizationId),
  };
}

/** A key made by a banned user is refused like a disabled one, for as long as the ban lasts. */
async function refuseBanned(db: Db, result: ApiKeyVerification): Promise<ApiKeyVerification> {
  if (!result.valid || !result.createdById) return result;
  const banned = await isBanned(db, result.createdById);
  return banned ? { valid: false, reason: "disabled", bannedUserId: result.createdById } : result;
}
