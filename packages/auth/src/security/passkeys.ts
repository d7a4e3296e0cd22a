// Passkeys (WebAuthn) on @better-auth/passkey: the relying party is this site,
// from configuration; several named passkeys per account.
import { passkey } from "@better-auth/passkey";
import { APIError, createAuthMiddleware } from "better-auth/api";

export interface PasskeyConfig {
  /** The site's registrable domain, e.g. example.com (never an IP address: browsers refuse those). */
  rpId: string;
  /** Origins where registrations and sign-ins happen, e.g. https://app.example.com. */
  origins: string[];
}

export function passkeyPlugin(appName: string, config: PasskeyConfig) {
  return passkey({
    rpID: config.rpId,
    rpName: appName,
    origin: config.origins,
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
}

export const PASSKEY_NAME_MAX = 64;
const NAMED_PATHS = new Set([
  "/passkey/update-passkey",
  "/passkey/verify-registration",
  "/passkey/generate-register-options",
]);

/** Names are labels people read in a list: short and single-line. */
export const limitPasskeyNames = createAuthMiddleware(async (ctx) => {
  if (!NAMED_PATHS.has(ctx.path)) return;
  const name: unknown = ctx.body?.name ?? ctx.query?.name;
  if (typeof name === "string" && (name.length > PASSKEY_NAME_MAX || /[\r\n]/.test(name))) {
    throw new APIError("BAD_REQUEST", { message: `Give the passkey a name of at most ${PASSKEY_NAME_MAX} characters` });
  }
});
