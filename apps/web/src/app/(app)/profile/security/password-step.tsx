"use client";
// Asks for the password before a sensitive change; shows what went wrong.
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";

export function PasswordStep({
  action,
  variant = "primary",
  onSubmit,
  onCancel,
}: {
  action: string;
  variant?: "primary" | "danger";
  /** Resolves to an error message, or null when done. */
  onSubmit: (password: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!password) return setError("Enter your password");
    setPending(true);
    const problem = await onSubmit(password);
    setPending(false);
    setError(problem ?? undefined);
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus
        error={error}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={variant} loading={pending}>
          {action}
        </Button>
      </div>
    </form>
  );
}
