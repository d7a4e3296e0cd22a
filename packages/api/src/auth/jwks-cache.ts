// The auth server's public keys, fetched from its JWKS endpoint and cached.
// - fresh for `ttlMs`; after that the next lookup refreshes (one fetch at a time);
// - an unknown `kid` refetches at most once per `cooldownMs`, so a flood of random
//   kids cannot flood the auth server;
// - while the auth server is down, cached keys keep verifying up to `maxStaleMs`.
import { importJWK, type JWK } from "jose";

type Key = CryptoKey | Uint8Array;

export interface JwksCacheOptions {
  url: string;
  ttlMs: number;
  cooldownMs: number;
  maxStaleMs: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Called when the set of key ids changes, so caches of verified tokens can be dropped. */
  onKeysChanged?: () => void;
}

export class JwksUnavailableError extends Error {
  override readonly name = "JwksUnavailableError";
}

export class JwksCache {
  private keys = new Map<string, Key>();
  private fetchedAt = 0;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;
  /** Fetches made, for tests and metrics. */
  fetchCount = 0;

  constructor(private readonly options: JwksCacheOptions) {}

  /** The key for `kid`, or null when the auth server does not publish it. */
  async getKey(kid: string | undefined): Promise<Key | null> {
    const now = Date.now();
    if (this.fetchedAt === 0 || now - this.fetchedAt > this.options.ttlMs) {
      await this.refresh(now);
    }
    const key = kid ? this.keys.get(kid) : this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
    if (key) return key;
    if (Date.now() - this.lastAttempt >= this.options.cooldownMs) {
      await this.refresh(Date.now());
      return (kid ? this.keys.get(kid) : undefined) ?? null;
    }
    return null;
  }

  /** True while the cache can verify (fresh or within the stale allowance). */
  isUsable(now = Date.now()): boolean {
    return this.keys.size > 0 && now - this.fetchedAt <= this.options.maxStaleMs;
  }

  /** Fetches the key set now (readiness checks, warm-up). */
  async warm(): Promise<void> {
    await this.refresh(Date.now(), true);
  }

  private async refresh(now: number, strict = false): Promise<void> {
    this.inFlight ??= this.load(now).finally(() => {
      this.inFlight = null;
    });
    try {
      await this.inFlight;
    } catch (error) {
      if (strict || !this.isUsable(now)) {
        throw new JwksUnavailableError(`JWKS unavailable at ${this.options.url}`, { cause: error });
      }
    }
  }

  private async load(now: number): Promise<void> {
    this.lastAttempt = now;
    this.fetchCount += 1;
    const fetchFn = this.options.fetch ?? fetch;
    const response = await fetchFn(this.options.url, {
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      headers: { accept: "application/json" },
    });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const body = (await response.json()) as { keys?: JWK[] };
    const next = new Map<string, Key>();
    for (const jwk of body.keys ?? []) {
      // Only Ed25519 signing keys; anything else in the set is ignored.
      if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.kid || "d" in jwk) continue;
      next.set(jwk.kid, await importJWK({ ...jwk, alg: "EdDSA" }, "EdDSA"));
    }
    const changed = next.size !== this.keys.size || [...next.keys()].some((kid) => !this.keys.has(kid));
    this.keys = next;
    this.fetchedAt = Date.now();
    if (changed) this.options.onKeysChanged?.();
  }
}
