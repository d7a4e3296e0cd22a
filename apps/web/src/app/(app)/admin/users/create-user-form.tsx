"use client";
// A new account made by an admin: with a password they pass on, or none (the person
// sets one through "Forgot password"); confirmed or not.
import { createUserInput } from "@acme/validators";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, Select } from "~/components/ui/field";
import { useToast } from "~/components/ui/toast";
import { useForm } from "~/lib/use-form";
import { api } from "~/trpc/react";

// The API's input, as a form sends it: an empty password is none, the checkbox-like select is text.
const formInput = z.object({
  name: createUserInput.shape.name,
  email: createUserInput.shape.email,
  password: z.union([z.literal(""), createUserInput.shape.password.unwrap()]).optional(),
  emailVerified: z.enum(["true", "false"]).transform((value) => value === "true"),
  role: createUserInput.shape.role,
});

export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const toast = useToast();
  const router = useRouter();
  const utils = api.useUtils();
  const create = api.admin.users.create.useMutation();
  const { errors, formError, pending, onSubmit } = useForm(formInput, async (values) => {
    const user = await create.mutateAsync({ ...values, password: values.password || undefined });
    await utils.admin.users.list.invalidate();
    toast.success(`Created ${user.email}`);
    onDone();
    router.push(`/admin/users/${encodeURIComponent(user.id)}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <Field label="Name" name="name" required autoFocus maxLength={100} error={errors.name} />
      <Field label="Email" name="email" type="email" required error={errors.email} />
      <Field
        label="Password (optional)"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="Leave empty: they set one with “Forgot password”."
        error={errors.password}
      />
      <Select label="Email address" name="emailVerified" defaultValue="false">
        <option value="false">Not verified: they confirm it at first sign-in</option>
        <option value="true">Already verified</option>
      </Select>
      <Select label="Role" name="role" defaultValue="user" error={errors.role}>
        <option value="user">User</option>
        <option value="admin">Admin</option>
      </Select>
      {formError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          Create user
        </Button>
      </div>
    </form>
  );
}
