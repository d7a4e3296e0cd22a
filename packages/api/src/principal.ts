import type { Scope } from "@acme/auth/scopes";

/** Who is calling: established by the auth middleware from a JWT or an API key. */
export interface Principal {
  userId: string;
  method: "jwt" | "apiKey";
  scopes: readonly Scope[];
  /** Set for API keys. */
  keyId?: string;
  /** Set for JWTs. */
  email?: string;
  name?: string;
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
  /** The client IP spent its failed-authentication budget: refused before any check. */
  | "auth_throttled";
