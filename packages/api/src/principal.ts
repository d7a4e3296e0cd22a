import type { OrganizationRole } from "@acme/auth/permissions";
import type { Scope } from "@acme/auth/scopes";

/** Who is calling, in which organization: established by the auth middleware from a JWT or an API key. */
export interface Principal {
  /** The user; for an API key, the member who created it. */
  userId: string;
  organizationId: string;
  /** A session's role in the organization, checked against the membership cache; null for API keys (scopes decide). */
  role: OrganizationRole | null;
  method: "jwt" | "apiKey";
  scopes: readonly Scope[];
  /** Set for API keys. */
  keyId?: string;
  /** Set for JWTs. */
  email?: string;
  name?: string;
  /** Set for JWTs: when the session signed in (seconds since the epoch). */
  authTime?: number;
  /** Set for JWTs of an impersonation session: the admin acting as the user (the `act` claim). */
  impersonatorId?: string;
}

/** Why a credential was refused; logged at warn, never shown with the credential. */
export type AuthFailureReason =
  | "missing"
  | "jwt_malformed"
  | "jwt_too_large"
  | "jwt_algorithm"
  | "jwt_signature"
  | "jwt_expired"
  | "jwt_not_yet_valid"
  | "jwt_claims"
  | "jwt_unknown_key"
  | "api_key_invalid"
  | "api_key_expired"
  | "api_key_disabled"
  | "principal_mismatch"
  /** A valid token for an organization the user is no longer a member of (or none). */
  | "not_a_member"
  /** The user's account is banned (an admin's decision, until it ends or is lifted). */
  | "banned"
  /** The client IP spent its failed-authentication budget: refused before any check. */
  | "auth_throttled";
