// Sign-in with GitHub, Google and one OpenID Connect provider (e.g. Okta,
// Entra ID, Keycloak). Each is on only when its client is configured. An
// existing account is linked only when both the provider and this platform have
// verified the address (Better Auth's defaults, kept explicit here).
import type { Db } from "@acme/db";
import type { BetterAuthOptions } from "better-auth";
import { genericOAuth } from "better-auth/plugins/generic-oauth";

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface OidcProvider extends OAuthClient {
  /** The issuer URL; its /.well-known/openid-configuration is read at start. */
  issuer: string;
  /** The button's label, e.g. "Okta". */
  name: string;
}

export interface SignInProviders {
  github?: OAuthClient;
  google?: OAuthClient;
  oidc?: OidcProvider;
}

export const OIDC_PROVIDER_ID = "oidc";

/** The providers the sign-in page offers, in order. */
export function providerButtons(
  providers: SignInProviders = {},
): { id: string; name: string; kind: "social" | "oidc" }[] {
  const buttons: { id: string; name: string; kind: "social" | "oidc" }[] = [];
  if (providers.github) buttons.push({ id: "github", name: "GitHub", kind: "social" });
  if (providers.google) buttons.push({ id: "google", name: "Google", kind: "social" });
  if (providers.oidc) buttons.push({ id: OIDC_PROVIDER_ID, name: providers.oidc.name, kind: "oidc" });
  return buttons;
}

export function socialProviders(providers: SignInProviders = {}): BetterAuthOptions["socialProviders"] {
  return {
    ...(providers.github ? { github: { ...providers.github, scope: ["read:user", "user:email"] } } : {}),
    ...(providers.google ? { google: { ...providers.google, prompt: "select_account" as const } } : {}),
  };
}

export const accountLinking: NonNullable<BetterAuthOptions["account"]>["accountLinking"] = {
  enabled: true,
  // A provider's address links to an account only if the provider verified it...
  trustedProviders: [],
  // ...and this platform did too: nobody can pre-register someone's address and inherit their sign-in.
  requireLocalEmailVerified: true,
  allowDifferentEmails: false,
};

/**
 * A provider sign-in skips the second factor, so it must never be how someone with
 * two-factor on is reached through a new provider identity: whoever controls their
 * mailbox could verify the address at a provider and sign in without a code.
 */
export function refuseLinkingPastTwoFactor(db: Db) {
  return async (account: { providerId: string; userId: string }, ctx?: { path?: string } | null) => {
    if (account.providerId === "credential" || !ctx?.path?.startsWith("/callback")) return;
    const user = await db.user.findUnique({ where: { id: account.userId }, select: { twoFactorEnabled: true } });
    if (user?.twoFactorEnabled) return false;
  };
}

export function oidcPlugins(providers: SignInProviders = {}) {
  const oidc = providers.oidc;
  if (!oidc) return [];
  const issuer = oidc.issuer.replace(/\/$/, "");
  return [
    genericOAuth({
      config: [
        {
          providerId: OIDC_PROVIDER_ID,
          name: oidc.name,
          discoveryUrl: `${issuer}/.well-known/openid-configuration`,
          clientId: oidc.clientId,
          clientSecret: oidc.clientSecret,
          scopes: ["openid", "email", "profile"],
          pkce: true,
          // The ID token's signature, issuer, audience and nonce are checked against the discovery JWKS.
          requireIdTokenVerification: true,
        },
      ],
    }),
  ];
}
