// The Redis channel on which access cuts travel between the auth server and every
// API instance: JSON-encoded AccessChange messages.
import type { Redis } from "ioredis";
import type { AccessChange } from "./organizations";

export type { AccessChange };

export const ACCESS_CHANNEL = "access:cut";

/** An AccessChange from a channel message; null for anything else. */
export function parseAccessChange(message: string): AccessChange | null {
  try {
    const value = JSON.parse(message) as Partial<AccessChange> & Record<string, unknown>;
    if (value.kind === "key" && typeof value.keyId === "string") return { kind: "key", keyId: value.keyId };
    if (value.kind === "organization" && typeof value.organizationId === "string") {
      return { kind: "organization", organizationId: value.organizationId };
    }
    if (value.kind === "user" && typeof value.userId === "string") return { kind: "user", userId: value.userId };
    if (value.kind === "member" && typeof value.organizationId === "string" && typeof value.userId === "string") {
      return { kind: "member", organizationId: value.organizationId, userId: value.userId };
    }
  } catch {}
  return null;
}

/** Publishes changes on Redis; a failure is logged, and the caches' TTLs still bound the cut. */
export function accessPublisher(redis: Redis, warn: (message: string) => void) {
  return async (change: AccessChange): Promise<void> => {
    try {
      await redis.publish(ACCESS_CHANNEL, JSON.stringify(change));
    } catch (error) {
      warn(`auth: access change not published (${(error as Error).message}); caches expire it`);
    }
  };
}
