// API keys with scopes. Verification is in-process (Better Auth has no HTTP route
// for it, and none is added: a public verify endpoint is a key-guessing oracle).
// It reads Postgres on every call; the API server caches the results.

import type { Db } from "@acme/db";
import { createApiKeyInput } from "@acme/validators";
import type { z } from "zod";
import type { Auth } from "./auth";
import { personalOrganizationId } from "./organizations";
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
  /** When it was revoked: it no longer works, and stays listed until it is purged. */
  revokedAt: Date | null;
}

export type ApiKeyVerification =
  | {
      valid: true;
      keyId: string;
      /** The organization that owns the key. */
      organizationId: string;
      /** The member who created it. */
      createdById: string;
      scopes: Scope[];
      expiresAt: Date | null;
    }
  | {
      valid: false;
      reason: "not_found" | "expired" | "disabled" | "invalid";
      /** Set when the key is refused because its creator is banned (the ban's end lets it through again). */
      bannedUserId?: string;
    };

function parseJson(value: unknown): unknown {
  if (!value) return null;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const parsePermissions = (value: unknown) => parseJson(value) as Permissions | null;

/** A key's row as stored (the secret hash left out). */
export interface KeyRecord {
  id: string;
  name: string | null;
  start: string | null;
  permissions?: unknown;
  expiresAt?: Date | null;
  createdAt: Date;
  lastRequest?: Date | null;
  enabled?: boolean | null;
  revokedAt?: Date | null;
}

/** What a listing shows of a key: never its secret. */
export function summarizeKey(key: KeyRecord): ApiKeySummary {
  return {
    id: key.id,
    name: key.name,
    start: key.start,
    scopes: permissionsToScopes(parsePermissions(key.permissions)),
    expiresAt: key.expiresAt ?? null,
    createdAt: key.createdAt,
    lastUsedAt: key.lastRequest ?? null,
    enabled: key.enabled !== false && !key.revokedAt,
    revokedAt: key.revokedAt ?? null,
  };
}

const REASON_BY_CODE: Record<string, "not_found" | "expired" | "disabled"> = {
  KEY_NOT_FOUND: "not_found",
  INVALID_API_KEY: "not_found",
  KEY_EXPIRED: "expired",
  KEY_DISABLED: "disabled",
};

export type RevokeOutcome = "revoked" | "already_revoked" | "not_found";

/**
 * Revokes a key (of `organizationId`, or any key when it is null): disabled and its
 * secret's hash replaced, so it can never verify again, even if re-enabled; the row
 * stays, listed as revoked, until auth.purge-expired removes it. Takes a transaction
 * too, so the audit event can be written with it.
 */
export async function revokeKey(
  db: Pick<Db, "apikey">,
  keyId: string,
  organizationId: string | null,
): Promise<RevokeOutcome> {
  const owner = organizationId === null ? {} : { referenceId: organizationId };
  const { count } = await db.apikey.updateMany({
    where: { id: keyId, ...owner, revokedAt: null },
    data: { enabled: false, revokedAt: new Date(), key: `revoked:${keyId}` },
  });
  if (count > 0) return "revoked";
  const existing = await db.apikey.findFirst({ where: { id: keyId, ...owner }, select: { id: true } });
  return existing ? "already_revoked" : "not_found";
}

/** Any Better Auth instance with the key plugin: the auth server's, or the API server's verifier. */
type WithKeys = { api: Pick<Auth["api"], "createApiKey" | "verifyApiKey"> };

export function createApiKeyService(auth: WithKeys) {
  return {
    /**
     * Creates a key of `organizationId` (by default the user's personal one), made by
     * `userId`, who must hold `apiKey:create` there; the returned `key` is shown once
     * and never stored in clear.
     */
    async create(
      userId: string,
      input: CreateApiKeyInput,
      organizationId = personalOrganizationId(userId),
    ): Promise<ApiKeySummary & { key: string }> {
      const parsed = createApiKeyInput.parse(input);
      const created = await auth.api.createApiKey({
        body: {
          userId,
          organizationId,
          metadata: { createdById: userId },
          name: parsed.name,
          permissions: scopesToPermissions(parsed.scopes),
          expiresIn: parsed.expiresInDays ? parsed.expiresInDays * 24 * 60 * 60 : null,
        },
      });
      return { ...summarizeKey(created as KeyRecord), key: created.key };
    },

    async verify(key: string): Promise<ApiKeyVerification> {
      const result = await auth.api.verifyApiKey({ body: { key } });
      if (!result.valid || !result.key) {
        return { valid: false, reason: REASON_BY_CODE[result.error?.code ?? ""] ?? "invalid" };
      }
      const metadata = (parseJson(result.key.metadata) ?? {}) as { createdById?: unknown };
      return {
        valid: true,
        keyId: result.key.id,
        organizationId: result.key.referenceId,
        createdById: typeof metadata.createdById === "string" ? metadata.createdById : "",
        scopes: permissionsToScopes(parsePermissions(result.key.permissions)),
        expiresAt: result.key.expiresAt ?? null,
      };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
