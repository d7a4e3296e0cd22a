"use client";
import { changePasswordInput } from "@acme/validators/forms";
import { useRef } from "react";
import { authClient } from "~/auth/client";
import { NewPasswordField } from "~/components/password-field";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Card } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { authErrorMessage, useForm } from "~/lib/use-form";

export function ChangePassword() {
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const state = useForm(changePasswordInput, async (values) => {
    const { error } = await authClient.changePassword(values);
    if (error) throw new Error(authErrorMessage(error));
    form.current?.reset();
    toast.success(values.revokeOtherSessions ? "Password changed; other sessions signed out" : "Password changed");
  });
  return (
    <Card title="Password">
      <form ref={form} onSubmit={state.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
        {state.formError && (
          <p role="alert" className="text-sm text-red-600">
            {state.formError}
          </p>
        )}
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={state.errors.currentPassword}
        />
        <NewPasswordField error={state.errors.newPassword} />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="revokeOtherSessions"
            value="true"
            defaultChecked
            className="h-4 w-4 accent-indigo-600"
          />
          Sign out my other sessions
        </label>
        <div>
          <Button type="submit" loading={state.pending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
