"use client";
// The second step of signing in: a code from the authenticator app, or one of
// the backup codes; optionally trust this browser for 30 days.
import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { callAuth } from "~/auth/browser";
import { AuthCard, FormError } from "~/components/auth-card";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { safeNextPath } from "~/lib/safe-redirect";
import { authErrorMessage } from "~/lib/use-form";

export function TwoFactorForm() {
  const next = safeNextPath(useSearchParams().get("next"));
  const [backup, setBackup] = useState(false);
  const [error, setError] = useState<{ message: string; restart: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get("code") ?? "").replace(/\s+/g, "");
    const trustDevice = form.get("trustDevice") === "on";
    if (!code) return setError({ message: backup ? "Enter a backup code" : "Enter the 6-digit code", restart: false });
    setPending(true);
    setError(null);
    const { error } = await callAuth(backup ? "/two-factor/verify-backup-code" : "/two-factor/verify-totp", {
      code,
      trustDevice,
    });
    setPending(false);
    if (error) {
      // The pending sign-in is over when it expired or too many wrong codes ended it.
      const restart = error.code === "INVALID_TWO_FACTOR_COOKIE" || error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE";
      return setError({ message: authErrorMessage(error), restart });
    }
    // A full page load: nothing of an earlier session in this tab outlives the sign-in.
    window.location.assign(next);
  }

  return (
    <AuthCard
      title="Two-factor authentication"
      subtitle={backup ? "Enter one of your backup codes." : "Enter the code from your authenticator app."}
      footer={
        <Link href="/sign-in" className="font-medium text-indigo-700 hover:underline dark:text-indigo-400">
          Back to sign in
        </Link>
      }
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormError message={error?.message ?? null} />
        <Field
          key={backup ? "backup" : "totp"}
          label={backup ? "Backup code" : "Authentication code"}
          name="code"
          autoComplete="one-time-code"
          inputMode={backup ? "text" : "numeric"}
          maxLength={backup ? 32 : 6}
          autoFocus
          required
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="trustDevice" className="h-4 w-4 accent-indigo-600" />
          Trust this browser for 30 days
        </label>
        <Button type="submit" loading={pending}>
          Verify
        </Button>
        <button
          type="button"
          onClick={() => {
            setBackup(!backup);
            setError(null);
          }}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-400"
        >
          {backup ? "Use your authenticator app" : "Use a backup code instead"}
        </button>
      </form>
    </AuthCard>
  );
}
