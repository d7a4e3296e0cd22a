"use client";
import { signUpInput } from "@acme/validators/forms";
import { useState } from "react";
import { callAuth } from "~/auth/browser";
import { AuthCard, FormError } from "~/components/auth-card";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { IS_PRODUCTION } from "~/config";
import { authErrorMessage, useForm } from "~/lib/use-form";
import { ResendLink } from "./resend-link";

export default function SignUpPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, formError, pending, onSubmit } = useForm(signUpInput, async (values) => {
    const { error } = await callAuth("/sign-up/email", { ...values, callbackURL: "/verify-email" });
    if (error) throw new Error(authErrorMessage(error));
    setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <AuthCard title="Check your inbox" subtitle={`We sent a mail to ${sentTo}.`}>
        <p className="text-sm text-muted">
          Open it to finish creating your account. Already have an account with this address? The mail says how to sign
          in.
        </p>
        <ResendLink email={sentTo} />
        {!IS_PRODUCTION && (
          <p className="mt-4 text-sm">
            Developing locally?{" "}
            <Link href="/dev/outbox" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              Open the outbox
            </Link>
          </p>
        )}
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have one?{" "}
          <Link href="/sign-in" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <Field label="Name" name="name" autoComplete="name" required error={errors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="8 to 128 characters"
          error={errors.password}
        />
        <Button type="submit" loading={pending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
