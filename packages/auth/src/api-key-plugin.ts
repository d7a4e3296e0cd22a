// How API keys are made and checked, one definition for both Better Auth instances that
// handle them: the auth server's (initAuth) and the API server's verifier (verifier.ts).
import { apiKey } from "@better-auth/api-key";

export function apiKeyPlugin(prefix: string) {
  // Keys belong to organizations; who made one is kept in its metadata.
  return apiKey({
    references: "organization",
    enableMetadata: true,
    defaultPrefix: prefix,
    defaultKeyLength: 48,
    requireName: true,
    maximumNameLength: 64,
    startingCharactersConfig: { shouldStore: true, charactersLength: prefix.length + 6 },
    keyExpiration: { defaultExpiresIn: null, minExpiresIn: 1, maxExpiresIn: 365 },
    // Per-key limits are the API server's job; Better Auth's default is 10 a day.
    rateLimit: { enabled: false },
    enableSessionForAPIKeys: false,
  });
}
