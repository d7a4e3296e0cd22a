// Password-reset links for the admin console: the auth server owns the mailer and the
// reset tokens, so the API asks it over HTTP, like a person on "Forgot password" would.
import type { PasswordResets } from "@acme/api";

export function passwordResetsVia(authUrl: string): PasswordResets {
  const base = authUrl.replace(/\/$/, "");
  return {
    async send(email) {
      const response = await fetch(`${base}/api/auth/request-password-reset`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email, redirectTo: `${base}/reset-password` }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new PasswordResetUnavailable(response.status);
    },
  };
}

export class PasswordResetUnavailable extends Error {
  override readonly name = "PasswordResetUnavailable";
  constructor(readonly status: number) {
    super(`The auth server answered ${status} to a password-reset request`);
  }
}
