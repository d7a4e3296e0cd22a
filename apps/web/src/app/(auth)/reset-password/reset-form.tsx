"use client";
import { resetPasswordInput } from "@acme/validators/forms";
import { useRouter, useSearchParams } from "next/navigation";
import { callAuth } from "~/auth/browser";
import { AuthCard, FormError } from "~/components/auth-card";
import { NewPasswordField } from "~/components/password-field";
import { Button } from "~/components/ui/button";
import { Link } from "~/components/ui/link";
import { authErrorMessage, useForm } from "~/lib/use-form";

export function ResetPasswordForm() {
  const params = useSearchParams();
  const router = useRouter();
  const token = params.get("token");
  const linkError = params.get("error");
  const { errors, formError, pending, onSubmit } = useForm(resetPasswordInput, async ({ newPassword }) => {
    const { error } = await callAuth("/reset-password", { newPassword, token: token ?? "" });
    if (error) throw new Error(authErrorMessage(error));
    router.replace("/sign-in?reset=1");
  });
  if (!token || linkError) {
    return (
      <AuthCard title="This link does not work" subtitle="It may have expired or been used already.">
        <Link
          href="/forgot-password"
          className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" subtitle="Your other sessions will be signed out.">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <NewPasswordField error={errors.newPassword} />
        <Button type="submit" loading={pending}>
          Save password
        </Button>
      </form>
    </AuthCard>
  );
}
