import { Field } from "./ui/field";

/** A new password, with the rule people need before they type it. */
export function NewPasswordField({ label = "New password", error }: { label?: string; error?: string }) {
  return (
    <Field
      label={label}
      name="newPassword"
      type="password"
      autoComplete="new-password"
      hint="8 to 128 characters"
      required
      error={error}
    />
  );
}
