// Endpoints where each attempt is a guess at a secret (a password, a code, a
// link) or sends a mail: they share the tight "sensitive" budget per client.
const SENSITIVE_PATHS = [
  "/sign-in/email",
  "/sign-up/email",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/change-password",
  "/change-email",
  "/two-factor/enable",
  "/two-factor/disable",
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
  "/two-factor/generate-backup-codes",
  "/passkey/verify-authentication",
] as const;

export function sensitiveRules(rule: { window: number; max: number }): Record<string, { window: number; max: number }> {
  return Object.fromEntries(SENSITIVE_PATHS.map((path) => [path, rule]));
}
