// Turns the request's credentials into a principal. At least one valid credential
// lets the request through; two valid credentials naming different users do not.
import { SCOPES } from "@acme/auth/scopes";
import type { AuthFailureReason, Principal } from "../principal";
import type { ApiKeyCache } from "./api-key-cache";
import type { JwtVerifier } from "./jwt-verifier";

export interface Credentials {
  bearer?: string;
  apiKey?: string;
}

export type AuthOutcome = { principal: Principal } | { principal: null; reason: AuthFailureReason };

const API_KEY_REASON = { expired: "api_key_expired", disabled: "api_key_disabled" } as const;

async function fromJwt(jwt: JwtVerifier, token: string): Promise<AuthOutcome> {
  const result = await jwt.verify(token);
  if (!result.ok) return { principal: null, reason: result.reason };
  const { sub, email, name } = result.claims;
  // A session's JWT holds every scope of its user.
  return { principal: { userId: sub, method: "jwt", scopes: SCOPES, email, name } };
}

async function fromApiKey(apiKeys: ApiKeyCache, key: string): Promise<AuthOutcome> {
  const result = await apiKeys.verify(key);
  if (!result.valid) {
    const reason =
      result.reason === "expired" || result.reason === "disabled" ? API_KEY_REASON[result.reason] : "api_key_invalid";
    return { principal: null, reason };
  }
  return { principal: { userId: result.userId, method: "apiKey", scopes: result.scopes, keyId: result.keyId } };
}

export async function authenticate(
  credentials: Credentials,
  verifiers: { jwt: JwtVerifier; apiKeys: ApiKeyCache },
): Promise<AuthOutcome> {
  const attempts: Promise<AuthOutcome>[] = [];
  if (credentials.bearer !== undefined) attempts.push(fromJwt(verifiers.jwt, credentials.bearer));
  if (credentials.apiKey !== undefined) attempts.push(fromApiKey(verifiers.apiKeys, credentials.apiKey));
  if (attempts.length === 0) return { principal: null, reason: "missing" };

  const outcomes = await Promise.all(attempts);
  const valid = outcomes.flatMap((outcome) => (outcome.principal ? [outcome.principal] : []));
  if (valid.length === 0) return outcomes[0] as AuthOutcome;
  const [first, second] = valid as [Principal, Principal | undefined];
  if (second && second.userId !== first.userId) return { principal: null, reason: "principal_mismatch" };
  return { principal: first };
}

/** `Authorization: Bearer <jwt>` and `X-API-Key: <key>`; anything else is ignored. */
export function readCredentials(get: (name: string) => string | undefined): Credentials {
  const credentials: Credentials = {};
  const authorization = get("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(.*)$/i.exec(authorization.trim());
    credentials.bearer = match?.[1]?.trim() ?? "";
  }
  const apiKey = get("x-api-key");
  if (apiKey !== undefined) credentials.apiKey = apiKey.trim();
  return credentials;
}
