"use client";
// Changing the sign-in address: the new one gets a confirmation link; nothing
// changes until it is opened.
import { isEmail } from "@acme/validators/forms";
import { type FormEvent, useState } from "react";
import { useSession } from "~/auth/client";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Card } from "~/components/ui/states";
import { authErrorMessage } from "~/lib/use-form";

export function ChangeEmail() {
  const session = useSession();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const current = session.data?.user.email;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newEmail = String(form.get("newEmail") ?? "")
      .trim()
      .toLowerCase();
    const password = String(form.get("password") ?? "");
    if (!isEmail(newEmail)) return setError("Enter an email address");
    if (newEmail === current) return setError("That is already your address");
    setError(undefined);
    setPending(true);
    // The auth server also asks for the password here; Better Auth's typed client sends
    // only the fields its endpoint declares, so this one call goes out as plain JSON.
    const response = await fetch("/api/auth/change-email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ newEmail, password, callbackURL: "/profile?email=changed" }),
    });
    setPending(false);
    if (!response.ok) {
      const error = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
      return setError(authErrorMessage({ ...error, status: response.status }));
    }
    setSentTo(newEmail);
  }

  return (
    <Card title="Email address">
      <p className="mb-4 text-sm text-soft">
        You sign in with <strong>{current ?? "…"}</strong>.
      </p>
      {sentTo ? (
        <p role="status" className="text-sm text-soft">
          If {sentTo} can be used, a confirmation link is on its way there. Your address changes when you open it; we
          will tell {current} when it does.
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-4">
          <Field label="New email address" name="newEmail" type="email" autoComplete="email" error={error} />
          <Field
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            hint="No password (passkey or provider only)? Leave it empty: you must have signed in in the last 10 minutes."
          />
          <div>
            <Button type="submit" loading={pending}>
              Send confirmation link
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
