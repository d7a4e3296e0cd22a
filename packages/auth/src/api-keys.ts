// API keys with scopes. Verification is in-process (Better Auth has no HTTP route
// for it, and none is added: a public verify endpoint is a key-guessing oracle).
// It reads Postgres on every call; the API server caches the results.

import type { Db } from "@acme/db";
import { createApiKeyInput } from "@acme/validators";
import type { z } from "zod";
import type { Auth } from "./auth";
import { type Permissions, permissionsToScopes, type Scope, scopesToPermissions } from "./scopes";

export { createApiKeyInput };
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export interface ApiKeySummary {
  id: string;
  name: string | null;
  /** The first characters, prefix included, to tell keys apart. */
  start: string | null;
  scopes: Scope[];
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  enabled: boolean;
}

export type ApiKeyVerification =
  | { valid: true; keyId: string; userId: string; scopes: Scope[]; expiresAt: Date | null }
  | { valid: false; reason: "not_found" | "expired" | "disabled" | "invalid" };

function parsePermissions(value: unknown): Permissions | null {
  if (!value) return null;
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as Permissions;
    } catch {
      return null;
    }
  }
  return value as Permissions;
}

interface KeyRecord {
  id: string;
  name: string | null;
  start: string | null;
  permissions?: unknown;
  expiresAt?: Date | null;
  createdAt: Date;
  lastRequest?: Date | null;
  enabled?: boolean | null;
}

function summarize(key: KeyRecord): ApiKeySummary {
  return {
    id: key.id,
    name: key.name,
    start: key.start,
    scopes: permissionsToScopes(parsePermissions(key.permissions)),
    expiresAt: key.expiresAt ?? null,
    createdAt: key.createdAt,
    lastUsedAt: key.lastRequest ?? null,
    enabled: key.enabled !== false,
  };
}

const REASON_BY_CODE: Record<string, "not_found" | "expired" | "disabled"> = {
  KEY_NOT_FOUND: "not_found",
  INVALID_API_KEY: "not_found",
  KEY_EXPIRED: "expired",
  KEY_DISABLED: "disabled",
};

/** The user's keys, newest first, without their secrets. */
export async function listKeysOfUser(db: Db, userId: string): Promise<ApiKeySummary[]> {
  const rows = await db.apikey.findMany({
    where: { referenceId: userId },
    select: {
      id: true,
      name: true,
      start: true,
      permissions: true,
      expiresAt: true,
      createdAt: true,
      lastRequest: true,
      enabled: true,
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(summarize);
}

/** Deletes one of the user's keys; false when it is not theirs or already gone. */
export async function revokeKeyOfUser(db: Db, userId: string, keyId: string): Promise<boolean> {
  const { count } = await db.apikey.deleteMany({ where: { id: keyId, referenceId: userId } });
  return count > 0;
}

export function createApiKeyService(auth: Auth) {
  return {
    /** Creates a key for `userId`; the returned `key` is shown once and never stored in clear. */
    async create(userId: string, input: CreateApiKeyInput): Promise<ApiKeySummary & { key: string }> {
      const parsed = createApiKeyInput.parse(input);
      const created = await auth.api.createApiKey({
        body: {
          userId,
          name: parsed.name,
          permissions: scopesToPermissions(parsed.scopes),
          expiresIn: parsed.expiresInDays ? parsed.expiresInDays * 24 * 60 * 60 : null,
        },
      });
      return { ...summarize(created as KeyRecord), key: created.key };
    },

    async verify(key: string): Promise<ApiKeyVerification> {
      const result = await auth.api.verifyApiKey({ body: { key } });
      if (!result.valid || !result.key) {
        return { valid: false, reason: REASON_BY_CODE[result.error?.code ?? ""] ?? "invalid" };
      }
      return {
        valid: true,
        keyId: result.key.id,
        userId: result.key.referenceId,
        scopes: permissionsToScopes(parsePermissions(result.key.permissions)),
        expiresAt: result.key.expiresAt ?? null,
      };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
