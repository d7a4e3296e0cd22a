"use client";
// Sign-in without a password: a passkey (also offered in the email field's
// autofill where the browser supports it) and the configured providers.
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { authErrorMessage } from "~/lib/use-form";

/** Better Auth's client (with WebAuthn), loaded after the page: only passkeys and providers need it. */
const loadAuthClient = () => import("~/auth/client").then((module) => module.authClient);
const LOAD_FAILED = "This page could not load sign-in. Reload it and try again.";

export interface ProviderButton {
  id: string;
  name: string;
  kind: "social" | "oidc";
}

export function OtherMethods({
  providers,
  next,
  onSignedIn,
  onError,
}: {
  providers: ProviderButton[];
  next: string;
  onSignedIn: () => void;
  onError: (message: string) => void;
}) {
  const [pending, setPending] = useState<string | null>(null);

  // Conditional UI: passkeys appear among the email field's suggestions.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const available = await window.PublicKeyCredential?.isConditionalMediationAvailable?.().catch(() => false);
      if (!available || cancelled) return;
      const authClient = await loadAuthClient();
      if (cancelled) return;
      const { data } = await authClient.signIn.passkey({ autoFill: true });
      if (data && !cancelled) onSignedIn();
    })().catch(() => undefined); // autofill is a convenience: the button still works
    return () => {
      cancelled = true;
    };
  }, [onSignedIn]);

  async function withPasskey() {
    setPending("passkey");
    const { data, error } = await loadAuthClient()
      .then((authClient) => authClient.signIn.passkey())
      .catch(() => ({ data: null, error: { code: "LOAD_FAILED", message: LOAD_FAILED } }));
    setPending(null);
    if (data) onSignedIn();
    else if (error)
      onError(
        (error as { code?: string }).code === "AUTH_CANCELLED"
          ? "Passkey sign-in was cancelled."
          : authErrorMessage(error),
      );
  }

  async function withProvider(provider: ProviderButton) {
    setPending(provider.id);
    const errorCallbackURL = "/sign-in?error=provider";
    const { error } = await loadAuthClient()
      .then((authClient) => authClient.signIn.social({ provider: provider.id, callbackURL: next, errorCallbackURL }))
      .catch(() => ({ error: { message: LOAD_FAILED } }));
    if (error) {
      setPending(null);
      onError(authErrorMessage(error));
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="my-2 flex items-center gap-3 text-xs text-muted">
        <span className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
        or
        <span className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
      </div>
      <Button variant="secondary" loading={pending === "passkey"} onClick={withPasskey}>
        Sign in with a passkey
      </Button>
      {providers.map((provider) => (
        <Button
          key={provider.id}
          variant="secondary"
          loading={pending === provider.id}
          onClick={() => withProvider(provider)}
        >
          Continue with {provider.name}
        </Button>
      ))}
    </div>
  );
}
