// Turns the request's credentials into a principal. At least one valid credential
// lets the request through; two valid credentials naming different users do not.
// A check that costs (an API-key lookup in Postgres, an Ed25519 signature) first
// takes a point from the client IP's failed-authentication budget and gives it
// back when the credential is good; a refusal known from cache takes one too. So
// a flood of bogus credentials from one address costs at most the budget.
import { BANNED_MEMBER, isOrganizationRole } from "@acme/auth/permissions";
import { SCOPES } from "@acme/auth/scopes";
import type { AuthFailureReason, Principal } from "../principal";
import type { IpBudget } from "../rate-limit/ip-budget";
import type { ApiKeyCache } from "./api-key-cache";
import type { JwtResult, JwtVerifier } from "./jwt-verifier";
import type { MembershipCache } from "./membership-cache";

export interface Credentials {
  bearer?: string;
  apiKey?: string;
}

export type AuthOutcome =
  | { principal: Principal }
  | { principal: null; reason: AuthFailureReason; retryAfterSeconds?: number };

export interface AuthGuard {
  failures: IpBudget;
  ip: string;
}

type ApiKeyResult = ReturnType<ApiKeyCache["peek"]> & {};

const API_KEY_REASON = { expired: "api_key_expired", disabled: "api_key_disabled" } as const;

interface Verifiers {
  jwt: JwtVerifier;
  apiKeys: ApiKeyCache;
  memberships: MembershipCache;
}

const NOT_A_MEMBER: AuthOutcome = { principal: null, reason: "not_a_member" };
const BANNED: AuthOutcome = { principal: null, reason: "banned" };

/** A valid token acts in its organization with the role the membership cache knows now, not the claim's. */
function fromJwt(result: JwtResult, memberships: MembershipCache): AuthOutcome | Promise<AuthOutcome> {
  if (!result.ok) return { principal: null, reason: result.reason };
  const { sub, email, name, org, authTime, actor } = result.claims;
  if (!org) return NOT_A_MEMBER;
  const withRole = (role: string | null): AuthOutcome => {
    if (!isOrganizationRole(role)) return role === BANNED_MEMBER ? BANNED : NOT_A_MEMBER;
    // A session's JWT holds every scope; its role decides what it may do.
    return {
      principal: {
        userId: sub,
        organizationId: org,
        role,
        method: "jwt",
        scopes: SCOPES,
        email,
        name,
        authTime,
        impersonatorId: actor,
      },
    };
  };
  const known = memberships.peek(org, sub);
  return known !== undefined ? withRole(known) : memberships.role(org, sub).then(withRole);
}

function fromApiKey(result: ApiKeyResult): AuthOutcome {
  if (!result.valid) {
    const reason =
      result.reason === "expired" || result.reason === "disabled" ? API_KEY_REASON[result.reason] : "api_key_invalid";
    return { principal: null, reason };
  }
  return {
    principal: {
      userId: result.createdById,
      organizationId: result.organizationId,
      role: null,
      method: "apiKey",
      scopes: result.scopes,
      keyId: result.keyId,
    },
  };
}

async function guarded(
  known: AuthOutcome | undefined,
  check: () => Promise<AuthOutcome>,
  guard: AuthGuard | undefined,
  joining: boolean,
): Promise<AuthOutcome> {
  // Joining a check already under way (a burst with one fresh credential) costs nothing more.
  if (known?.principal || !guard?.failures.enabled || (!known && joining)) return known ?? check();
  const decision = await guard.failures.take(guard.ip);
  if (!decision.allowed) {
    return { principal: null, reason: "auth_throttled", retryAfterSeconds: decision.resetSeconds };
  }
  if (known) return known;
  let outcome: AuthOutcome;
  try {
    outcome = await check();
  } catch (error) {
    await guard.failures.refund(guard.ip); // the verifier failed (JWKS down), not the caller
    throw error;
  }
  if (outcome.principal) await guard.failures.refund(guard.ip);
  return outcome;
}

const MISSING: AuthOutcome = { principal: null, reason: "missing" };

function fromBearer(bearer: string, verifiers: Verifiers, guard: AuthGuard | undefined): Promise<AuthOutcome> {
  const known = verifiers.jwt.peek(bearer);
  // A remembered token's signature costs nothing; its membership is checked either way.
  if (known?.ok) return Promise.resolve(fromJwt(known, verifiers.memberships));
  const check = async () => fromJwt(await verifiers.jwt.verify(bearer), verifiers.memberships);
  const knownFailure: AuthOutcome | undefined = known ? { principal: null, reason: known.reason } : undefined;
  return guarded(knownFailure, check, guard, verifiers.jwt.pending(bearer));
}

function fromKeyHeader(apiKey: string, verifiers: Verifiers, guard: AuthGuard | undefined): Promise<AuthOutcome> {
  const known = verifiers.apiKeys.peek(apiKey);
  if (known?.valid) return Promise.resolve(fromApiKey(known));
  return guarded(
    known && fromApiKey(known),
    async () => fromApiKey(await verifiers.apiKeys.verify(apiKey)),
    guard,
    verifiers.apiKeys.pending(apiKey),
  );
}

export function authenticate(credentials: Credentials, verifiers: Verifiers, guard?: AuthGuard): Promise<AuthOutcome> {
  const { bearer, apiKey } = credentials;
  if (apiKey === undefined)
    return bearer === undefined ? Promise.resolve(MISSING) : fromBearer(bearer, verifiers, guard);
  if (bearer === undefined) return fromKeyHeader(apiKey, verifiers, guard);
  return fromBoth(bearer, apiKey, verifiers, guard);
}

/** Both credentials must be valid and name the same user in the same organization. */
async function fromBoth(bearer: string, apiKey: string, verifiers: Verifiers, guard?: AuthGuard): Promise<AuthOutcome> {
  const outcomes = await Promise.all([fromBearer(bearer, verifiers, guard), fromKeyHeader(apiKey, verifiers, guard)]);
  const valid = outcomes.flatMap((outcome) => (outcome.principal ? [outcome.principal] : []));
  if (valid.length === 0) return outcomes[0];
  const [first, second] = valid as [Principal, Principal | undefined];
  if (second && (second.userId !== first.userId || second.organizationId !== first.organizationId)) {
    return { principal: null, reason: "principal_mismatch" };
  }
  return { principal: first };
}

const BEARER = /^bearer\s/i;
const BEARER_LENGTH = "bearer ".length;

/** `Authorization: Bearer <jwt>` and `X-API-Key: <key>`; anything else is ignored. */
export function readCredentials(get: (name: string) => string | undefined): Credentials {
  const credentials: Credentials = {};
  const authorization = get("authorization");
  if (authorization !== undefined) {
    // "Bearer", whitespace, the token: tested on its first seven characters (the token is ~600).
    const value = authorization.trim();
    credentials.bearer = BEARER.test(value) ? value.slice(BEARER_LENGTH).trim() : "";
  }
  const apiKey = get("x-api-key");
  if (apiKey !== undefined) credentials.apiKey = apiKey.trim();
  return credentials;
}
