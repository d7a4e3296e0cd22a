"use client";
// Download your data (at once as JSON, or the full archive); delete your account (password, or a recent sign-in for
// accounts without one; refused while you own an organization others use).
import { type FormEvent, useState } from "react";
import { signOut, useSession } from "~/auth/client";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { Field } from "~/components/ui/field";
import { Card } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { describeError } from "~/lib/errors";
import { api } from "~/trpc/react";
import { beforeLeaving, forgetApiToken } from "~/trpc/token";
import { DataArchive } from "./data-archive";

function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

export function DangerZone() {
  const utils = api.useUtils();
  const toast = useToast();
  const email = useSession().data?.user.email;
  const [exporting, setExporting] = useState(false);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = api.account.delete.useMutation();

  async function exportData() {
    setExporting(true);
    try {
      const archive = await utils.account.export.fetch();
      download(`platform-account-${new Date().toISOString().slice(0, 10)}.json`, archive);
    } catch (problem) {
      toast.error(problem);
    } finally {
      setExporting(false);
    }
  }

  async function confirmDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (
      String(form.get("confirm") ?? "")
        .trim()
        .toLowerCase() !== email?.toLowerCase()
    ) {
      return setError("Type your email address to confirm");
    }
    const password = String(form.get("password") ?? "");
    setError(null);
    // Deletes still within their Undo go first, while this account can still send them.
    await beforeLeaving();
    try {
      await remove.mutateAsync(password ? { password } : {});
    } catch (problem) {
      return setError(describeError(problem).message);
    }
    await signOut().catch(() => {});
    // A full load: nothing of the deleted account (its API token, cached queries) stays in the tab.
    forgetApiToken();
    window.location.replace("/?account=deleted");
  }

  return (
    <Card title="Your data">
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-prose text-sm text-soft">
            Download your profile, sign-in methods, sessions, API keys (never their secrets), tasks and file list as
            JSON.
          </p>
          <Button variant="secondary" loading={exporting} onClick={exportData}>
            Download my data
          </Button>
        </div>
        <DataArchive />
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-6">
          <p className="max-w-prose text-sm text-soft">
            Delete your account, your personal workspace with its tasks and files, your API keys and sessions. This
            cannot be undone.
          </p>
          <Button variant="danger" onClick={() => setOpen(true)}>
            Delete account
          </Button>
        </div>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete your account?">
        <form onSubmit={confirmDelete} noValidate className="flex flex-col gap-4">
          {error && (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
            >
              {error}
            </p>
          )}
          <Field label={`Type ${email ?? "your email"} to confirm`} name="confirm" autoComplete="off" />
          <Field
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            hint="No password (passkey or provider only)? Leave it empty: you must have signed in within the last 10 minutes."
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={remove.isPending}>
              Delete my account
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
