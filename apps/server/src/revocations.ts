// Access cut anywhere is cut on every instance at once. With Redis, the auth server
// (membership changes, deleted organizations) and the API (revoked keys) publish on
// one channel every instance subscribes to, and each drops the matching cached
// entries. A subscriber that lost its connection may have missed messages, so on
// reconnecting it drops its key and membership caches. Without Redis (or while it
// is down) the caches' TTLs bound how long a cut takes: API_KEY_CACHE_TTL_SECONDS,
// MEMBERSHIP_CACHE_TTL_SECONDS.
import type { AccessCuts, ApiKeyCache, MembershipCache } from "@acme/api";
import { ACCESS_CHANNEL, parseAccessChange } from "@acme/auth/access-channel";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export interface RevocationFeed {
  revocations: AccessCuts;
  /** Resolves once this instance listens (immediately without Redis). */
  ready: Promise<void>;
  close(): void;
}

interface Caches {
  apiKeys: ApiKeyCache;
  memberships: MembershipCache;
}

export function revocationFeed(redis: Redis | null, caches: Caches, logger: Logger): RevocationFeed {
  if (!redis) {
    return { revocations: { publish: async () => {} }, ready: Promise.resolve(), close() {} };
  }
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on("error", (error) => logger.warn({ err: error.message }, "revocation feed: redis error"));
  let connectedBefore = false;
  subscriber.on("ready", () => {
    if (connectedBefore) {
      caches.apiKeys.clear();
      caches.memberships.clear();
    }
    connectedBefore = true;
  });
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== ACCESS_CHANNEL) return;
    const change = parseAccessChange(message);
    if (change?.kind === "key") caches.apiKeys.forgetKeyId(change.keyId);
    else if (change?.kind === "member") caches.memberships.forget(change.organizationId, change.userId);
    else if (change?.kind === "organization") caches.memberships.forgetOrganization(change.organizationId);
    else if (change?.kind === "user") {
      caches.memberships.forgetUser(change.userId);
      caches.apiKeys.forgetCreatedBy(change.userId);
    }
  });
  const ready = subscriber.subscribe(ACCESS_CHANNEL).then(
    () => undefined,
    (error: Error) => logger.warn({ err: error.message }, "revocation feed: not subscribed"),
  );
  return {
    revocations: {
      async publish(change) {
        try {
          await redis.publish(ACCESS_CHANNEL, JSON.stringify(change));
        } catch (error) {
          // Cut in the database already; other instances follow once their cache entries expire.
          logger.warn({ err: (error as Error).message, change }, "access cut not published");
        }
      },
    },
    ready,
    close: () => subscriber.disconnect(),
  };
}
