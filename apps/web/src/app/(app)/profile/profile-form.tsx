"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient, useSession } from "~/auth/client";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Card, Skeleton } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { authErrorMessage } from "~/lib/use-form";
import { toAvatarDataUrl } from "./avatar";

export function ProfileForm() {
  const session = useSession();
  const router = useRouter();
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const [nameError, setNameError] = useState<string>();
  const user = session.data?.user;

  const update = async (data: { name?: string; image?: string }) => {
    setSaving(true);
    const { error } = await authClient.updateUser(data);
    setSaving(false);
    if (error) return toast.error(new Error(authErrorMessage(error)));
    toast.success("Profile saved");
    await session.refetch();
    router.refresh();
  };
  const saveName = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setNameError("Tell us your name");
    setNameError(undefined);
    void update({ name });
  };

  return (
    <Card title="Your details">
      {!user ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <div className="flex flex-col gap-6 sm:flex-row">
          <div className="flex flex-col items-center gap-2">
            {user.image ? (
              <img src={user.image} alt="" className="h-20 w-20 rounded-full object-cover" />
            ) : (
              <div
                aria-hidden
                className="flex h-20 w-20 items-center justify-center rounded-full bg-indigo-100 text-2xl font-semibold text-link dark:bg-indigo-950"
              >
                {user.name.slice(0, 1).toUpperCase()}
              </div>
            )}
            <label className="cursor-pointer text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Change photo
              <input
                type="file"
                accept="image/*"
                className="sr-only"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  if (!file) return;
                  try {
                    await update({ image: await toAvatarDataUrl(file) });
                  } catch (error) {
                    toast.error(error);
                  }
                }}
              />
            </label>
          </div>
          <form onSubmit={saveName} noValidate className="flex flex-1 flex-col gap-4">
            <Field label="Name" name="name" defaultValue={user.name} required error={nameError} />
            <Field label="Email" name="email" defaultValue={user.email} disabled hint="Your sign-in address" />
            <div>
              <Button type="submit" loading={saving}>
                Save
              </Button>
            </div>
          </form>
        </div>
      )}
    </Card>
  );
}
