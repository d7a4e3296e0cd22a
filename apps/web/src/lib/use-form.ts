"use client";
// Form state validated by a schema with zod's safeParse: the API's own zod inputs, or
// the account forms' plain rules (@acme/validators/forms).
import { type FormEvent, useState } from "react";
import { fieldErrors } from "./errors";

type Issue = { path: PropertyKey[]; message: string };
/** Any schema with zod's safeParse (written for inference from zod's own result type). */
interface FormSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
}

export function useForm<T>(schema: FormSchema<T>, submit: (values: T) => Promise<void>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A new attempt: the last one's answer no longer stands.
    setFormError(null);
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await submit(parsed.data);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : "Something went wrong");
    } finally {
      setPending(false);
    }
  };
  return { errors, formError, setFormError, pending, onSubmit };
}

/** Better Auth answers { error: { code, message, status } }; turn it into a sentence. */
export function authErrorMessage(
  error: { code?: string; message?: string; status?: number } | null | undefined,
): string {
  if (!error) return "Something went wrong";
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "Wrong email or password.";
    case "EMAIL_NOT_VERIFIED":
      return "Verify your email first: we just sent you a new link.";
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "An account with this email already exists. Sign in, or reset your password.";
    case "INVALID_TOKEN":
      return "This link is invalid or has expired. Ask for a new one.";
    case "INVALID_CODE":
      return "That code is not right. Check the time on your phone and try the newest code.";
    case "TOTP_CODE_ALREADY_USED":
      return "This code was already used. Wait for the next one from your app.";
    case "INVALID_TWO_FACTOR_COOKIE":
      return "This sign-in has expired. Start again.";
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
      return "Too many wrong codes. Sign in again.";
    case "INVALID_BACKUP_CODE":
      return "That backup code is not right, or was already used.";
    case "INVALID_PASSWORD":
      return error.message?.startsWith("Enter your password") ? error.message : "Your current password is not right.";
    default:
      return error.message ?? "Something went wrong";
  }
}
