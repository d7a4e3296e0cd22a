"use client";
import { forgotPasswordInput } from "@acme/validators/forms";
import { useState } from "react";
import { callAuth } from "~/auth/browser";
import { AuthCard, FormError } from "~/components/auth-card";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { authErrorMessage, useForm } from "~/lib/use-form";

export default function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const { errors, formError, pending, onSubmit } = useForm(forgotPasswordInput, async ({ email }) => {
    const { error } = await callAuth("/request-password-reset", {
      email,
      redirectTo: `${window.location.origin}/reset-password`,
    });
    if (error) throw new Error(authErrorMessage(error));
    setSent(true);
  });
  return (
    <AuthCard
      title="Reset your password"
      subtitle={sent ? undefined : "We will mail you a link to choose a new one."}
      footer={
        <Link href="/sign-in" className="text-indigo-600 hover:underline dark:text-indigo-400">
          Back to sign in
        </Link>
      }
    >
      {sent ? (
        <p role="status" className="text-sm">
          If an account uses that address, a reset link is on its way. It works once, for one hour.
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormError message={formError} />
          <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
          <Button type="submit" loading={pending}>
            Send the link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
