// Verifies the auth server's JWTs locally: EdDSA only, issuer and audience checked,
// keys from the cached JWKS. A verified token is remembered until its own expiry, so
// the same token is not verified twice. The cache is keyed by the token's signature
// (86 characters to hash per lookup instead of ~600) and a hit requires the exact
// token string: a forged or altered token can never match a cached one.
import { errors, jwtVerify } from "jose";
import type { AuthFailureReason } from "../principal";
import { type BoundedCache, boundedCache } from "./bounded-cache";
import { type JwksCache, JwksUnavailableError } from "./jwks-cache";

export interface JwtClaims {
  sub: string;
  email?: string;
  name?: string;
  role?: string;
  /** The active organization when the token was made, and the role there (not trusted: see MembershipCache). */
  org?: string;
  exp: number;
  /** When the session behind the token signed in (seconds). */
  authTime?: number;
  /** The admin impersonating the user (RFC 8693 `act.sub`), if any. */
  actor?: string;
}

export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: AuthFailureReason };

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  clockToleranceSeconds?: number;
  /** Largest token accepted, in characters; bigger ones are refused unparsed. */
  maxTokenLength?: number;
  cacheSize?: number;
}

function reasonOf(error: unknown): AuthFailureReason {
  if (error instanceof errors.JWTExpired) return "jwt_expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === "nbf" ? "jwt_not_yet_valid" : "jwt_claims";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "jwt_algorithm";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "jwt_signature";
  if (error instanceof errors.JWKSNoMatchingKey) return "jwt_unknown_key";
  return "jwt_malformed";
}

export class JwtVerifier {
  private readonly cache: BoundedCache<string, { token: string; claims: JwtClaims }>;
  private readonly inFlight = new Map<string, Promise<JwtResult>>();
  /** Signature checks run (cache misses), for tests and metrics. */
  verifications = 0;

  constructor(
    private readonly jwks: JwksCache,
    private readonly options: JwtVerifierOptions,
  ) {
    this.cache = boundedCache(options.cacheSize ?? 10_000);
  }

  /** Drops every remembered token (the key set changed). */
  clear(): void {
    this.cache.clear();
  }

  /** The answer known without a signature check (remembered, or too large), else undefined. */
  peek(token: string): JwtResult | undefined {
    if (token.length > (this.options.maxTokenLength ?? 8_192)) return { ok: false, reason: "jwt_too_large" };
    const key = signatureOf(token);
    const cached = this.cache.get(key);
    if (!cached || cached.token !== token) return undefined;
    if (cached.claims.exp * 1000 > Date.now()) return { ok: true, claims: cached.claims };
    this.cache.delete(key);
    return { ok: false, reason: "jwt_expired" };
  }

  /** Whether this token's check is already under way (a caller joining it costs nothing more). */
  pending(token: string): boolean {
    return this.inFlight.has(token);
  }

  /** Verifies once per token at a time: concurrent callers share the check. */
  verify(token: string): Promise<JwtResult> {
    const known = this.peek(token);
    if (known) return Promise.resolve(known);
    let check = this.inFlight.get(token);
    if (!check) {
      check = this.check(token).finally(() => this.inFlight.delete(token));
      this.inFlight.set(token, check);
    }
    return check;
  }

  private async check(token: string): Promise<JwtResult> {
    this.verifications += 1;
    try {
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          const key = await this.jwks.getKey(header.kid);
          if (!key) throw new errors.JWKSNoMatchingKey();
          return key;
        },
        {
          issuer: this.options.issuer,
          audience: this.options.audience,
          algorithms: ["EdDSA"],
          requiredClaims: ["sub", "exp"],
          clockTolerance: this.options.clockToleranceSeconds ?? 5,
        },
      );
      const claims: JwtClaims = {
        sub: String(payload.sub),
        exp: Number(payload.exp),
        email: typeof payload.email === "string" ? payload.email : undefined,
        name: typeof payload.name === "string" ? payload.name : undefined,
        role: typeof payload.role === "string" ? payload.role : undefined,
        org: typeof payload.org === "string" ? payload.org : undefined,
        authTime: typeof payload.auth_time === "number" ? payload.auth_time : undefined,
        actor: actorOf(payload.act),
      };
      this.cache.set(signatureOf(token), { token, claims });
      return { ok: true, claims };
    } catch (error) {
      if (error instanceof JwksUnavailableError) throw error;
      return { ok: false, reason: reasonOf(error) };
    }
  }
}

/** The token's last segment (its signature), or the whole string when it has no dot. */
function signatureOf(token: string): string {
  return token.slice(token.lastIndexOf(".") + 1);
}

function actorOf(act: unknown): string | undefined {
  const sub = typeof act === "object" && act !== null ? (act as { sub?: unknown }).sub : undefined;
  return typeof sub === "string" && sub ? sub : undefined;
}
