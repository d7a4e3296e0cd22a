"use client";
import { signInInput } from "@acme/validators/forms";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { callAuth } from "~/auth/browser";
import { AuthCard, FormError } from "~/components/auth-card";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { safeNextPath } from "~/lib/safe-redirect";
import { authErrorMessage, useForm } from "~/lib/use-form";
import { OtherMethods, type ProviderButton } from "./other-methods";

const PROVIDER_ERROR =
  "That sign-in did not work. If you have an account with this address, sign in with your password first, then link the provider.";

export function SignInForm({ providers }: { providers: ProviderButton[] }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNextPath(params.get("next"));
  // A full page load, as Better Auth's client did: no API token, cached query or other
  // state of whoever used this tab before (an ended impersonation, a revoked session)
  // outlives the sign-in.
  const signedIn = useCallback(() => window.location.assign(next), [next]);
  const { errors, formError, setFormError, pending, onSubmit } = useForm(signInInput, async (values) => {
    const { data, error } = await callAuth<{ twoFactorRedirect?: boolean }>("/sign-in/email", {
      ...values,
      callbackURL: next,
    });
    if (error) throw new Error(authErrorMessage(error));
    // Two-factor is on: the password was right, now the code.
    if (data?.twoFactorRedirect) {
      router.push(`/sign-in/two-factor?next=${encodeURIComponent(next)}`);
      return;
    }
    signedIn();
  });
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back."
      footer={
        <>
          No account yet?{" "}
          <Link href="/sign-up" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Create one
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {params.get("reset") === "1" && (
          <p
            role="status"
            className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-950 dark:text-green-300"
          >
            Password changed. Sign in with the new one.
          </p>
        )}
        <FormError message={formError ?? (params.get("error") ? PROVIDER_ERROR : null)} />
        <Field label="Email" name="email" type="email" autoComplete="username webauthn" required error={errors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <div className="flex justify-end">
          <Link href="/forgot-password" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
            Forgot your password?
          </Link>
        </div>
        <Button type="submit" loading={pending}>
          Sign in
        </Button>
      </form>
      <OtherMethods providers={providers} next={next} onSignedIn={signedIn} onError={setFormError} />
    </AuthCard>
  );
}
