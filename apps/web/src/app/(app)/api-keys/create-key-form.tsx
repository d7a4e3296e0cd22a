"use client";
import { API_KEY_SCOPES, createApiKeyInput } from "@acme/validators";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, Select } from "~/components/ui/field";
import { useUser } from "~/components/user";
import { fieldErrors } from "~/lib/errors";

export interface NewKey {
  name: string;
  scopes: (typeof API_KEY_SCOPES)[number][];
  expiresInDays?: number;
}

export function CreateKeyForm({
  onSubmit,
  onCancel,
  pending,
}: {
  onSubmit: (key: NewKey) => void;
  onCancel: () => void;
  pending: boolean;
}) {
  // The admin scopes are offered to platform admins only (the API refuses them to others).
  const isAdmin = useUser().role === "admin";
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const days = Number(data.get("expiresInDays"));
    const parsed = createApiKeyInput.safeParse({
      name: data.get("name"),
      scopes: data.getAll("scopes"),
      expiresInDays: days > 0 ? days : undefined,
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    onSubmit(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field label="Name" name="name" placeholder="CI deploys" required autoFocus error={errors.name} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Scopes</legend>
        <div className="grid grid-cols-2 gap-2">
          {API_KEY_SCOPES.filter((scope) => isAdmin || !scope.startsWith("admin:")).map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} className="h-4 w-4 accent-indigo-600" />
              <code>{scope}</code>
            </label>
          ))}
        </div>
        {errors.scopes && (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <Select label="Expires" name="expiresInDays" defaultValue="90">
        <option value="7">In 7 days</option>
        <option value="30">In 30 days</option>
        <option value="90">In 90 days</option>
        <option value="365">In a year</option>
        <option value="0">Never</option>
      </Select>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          Create key
        </Button>
      </div>
    </form>
  );
}
