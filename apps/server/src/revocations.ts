// Revoked API keys stop working on every instance at once. With Redis, a revocation
// is published on a channel every instance subscribes to, and each drops the key's
// cached answer. A subscriber that lost its connection may have missed messages, so
// on reconnecting it drops every cached key. Without Redis (or while it is down)
// only the revoking instance forgets at once; the others within
// API_KEY_CACHE_TTL_SECONDS.
import type { ApiKeyCache, KeyRevocations } from "@acme/api";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export const REVOCATION_CHANNEL = "api:key-revoked";

export interface RevocationFeed {
  revocations: KeyRevocations;
  /** Resolves once this instance listens (immediately without Redis). */
  ready: Promise<void>;
  close(): void;
}

export function revocationFeed(redis: Redis | null, apiKeys: ApiKeyCache, logger: Logger): RevocationFeed {
  if (!redis) {
    return { revocations: { publish: async () => {} }, ready: Promise.resolve(), close() {} };
  }
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on("error", (error) => logger.warn({ err: error.message }, "revocation feed: redis error"));
  let connectedBefore = false;
  subscriber.on("ready", () => {
    if (connectedBefore) apiKeys.clear();
    connectedBefore = true;
  });
  subscriber.on("message", (channel: string, keyId: string) => {
    if (channel === REVOCATION_CHANNEL) apiKeys.forgetKeyId(keyId);
  });
  const ready = subscriber.subscribe(REVOCATION_CHANNEL).then(
    () => undefined,
    (error: Error) => logger.warn({ err: error.message }, "revocation feed: not subscribed"),
  );
  return {
    revocations: {
      async publish(keyId) {
        try {
          await redis.publish(REVOCATION_CHANNEL, keyId);
        } catch (error) {
          // The key is revoked in the database; other instances refuse it once their cache entry expires.
          logger.warn({ err: (error as Error).message, keyId }, "revocation not published");
        }
      },
    },
    ready,
    close: () => subscriber.disconnect(),
  };
}
