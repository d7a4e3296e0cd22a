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
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
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

/**
 * A passkey sign-in skips the password and the second factor, so it must be two
 * factors itself: the device and its PIN or biometrics. The plugin accepts
 * assertions without user verification; refuse those here (flag UV, bit 2 of the
 * authenticator data's flags byte, after the 32-byte RP id hash).
 */
export const requireVerifiedUser = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/passkey/verify-authentication") return;
  const encoded: unknown = ctx.body?.response?.response?.authenticatorData;
  if (typeof encoded !== "string") return; // the plugin refuses a malformed response itself
  const flags = Buffer.from(encoded, "base64url")[32] ?? 0;
  if ((flags & 0x04) === 0) {
    throw new APIError("UNAUTHORIZED", {
      code: "USER_NOT_VERIFIED",
      message: "Unlock the passkey with its PIN or biometrics to sign in",
    });
  }
});
