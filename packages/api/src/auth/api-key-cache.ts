// In-process API-key verification through packages/auth, cached: a warm key costs
// no network call and no database write. Valid results live `ttlMs` (so a revoked
// or expired key is refused once that passes, and never after its own expiry);
// refusals live `negativeTtlMs`, so a flood of bad keys does not reach Postgres.
import { hash } from "node:crypto";
import type { ApiKeyVerification } from "@acme/auth";
import { type BoundedCache, boundedCache } from "./bounded-cache";

export interface ApiKeyCacheOptions {
  verify: (key: string) => Promise<ApiKeyVerification>;
  ttlMs: number;
  negativeTtlMs: number;
  max?: number;
  maxKeyLength?: number;
}

/** Keep digests, not keys, in memory. */
const digest = (key: string) => hash("sha256", key, "base64url");

interface Entry {
  result: ApiKeyVerification;
  until: number;
}

export class ApiKeyCache {
  private readonly entries: BoundedCache<string, Entry>;
  private readonly inFlight = new Map<string, Promise<ApiKeyVerification>>();
  /** Bumped by every forget: a lookup that started before one must not write its (maybe stale) answer. */
  private generation = 0;
  /** Calls that reached packages/auth, for tests and metrics. */
  misses = 0;

  constructor(private readonly options: ApiKeyCacheOptions) {
    this.entries = boundedCache(options.max ?? 50_000);
  }

  /** The answer known without a lookup (cached, or malformed on its face), else undefined. */
  peek(key: string): ApiKeyVerification | undefined {
    if (key.length === 0 || key.length > (this.options.maxKeyLength ?? 256)) {
      return { valid: false, reason: "invalid" };
    }
    const hit = this.entries.get(digest(key));
    return hit && hit.until > Date.now() ? hit.result : undefined;
  }

  /** Whether a lookup of this key is already under way (a caller joining it costs nothing more). */
  pending(key: string): boolean {
    return this.inFlight.has(digest(key));
  }

  async verify(key: string): Promise<ApiKeyVerification> {
    const known = this.peek(key);
    if (known) return known;
    const id = digest(key);

    let pending = this.inFlight.get(id);
    const generation = this.generation;
    if (!pending) {
      this.misses += 1;
      pending = this.options.verify(key).finally(() => {
        if (this.inFlight.get(id) === pending) this.inFlight.delete(id);
      });
      this.inFlight.set(id, pending);
    }
    const result = await pending;
    if (this.generation !== generation) return result;
    const ttl = result.valid ? this.options.ttlMs : this.options.negativeTtlMs;
    const expiry = result.valid && result.expiresAt ? result.expiresAt.getTime() : Number.POSITIVE_INFINITY;
    this.entries.set(id, { result, until: Math.min(Date.now() + ttl, expiry) });
    return result;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.inFlight.clear();
  }

  /** Drops the cached answers for every key one user made: they were banned, or their ban lifted. */
  forgetCreatedBy(userId: string): void {
    this.generation += 1;
    this.inFlight.clear();
    for (const [id, { result }] of this.entries.entries()) {
      if ((result.valid ? result.createdById : result.bannedUserId) === userId) this.entries.delete(id);
    }
  }

  /** Drops a revoked key's cached answer on this instance (others wait out the TTL). */
  forgetKeyId(keyId: string): void {
    // A lookup under way may have read the key before it was revoked: it must not be cached.
    this.generation += 1;
    this.inFlight.clear();
    for (const [id, entry] of this.entries.entries()) {
      if (entry.result.valid && entry.result.keyId === keyId) this.entries.delete(id);
    }
  }
}
