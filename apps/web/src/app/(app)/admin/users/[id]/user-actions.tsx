"use client";
// What an admin can do to one account. Ban, role, verification and deletion go through
// the API (admin.*); a reset link and impersonation go through the auth server, which
// mails the link and swaps the session cookie. The server refuses what is not allowed
// (yourself, another admin, the last admin) and says why.
import { banUserInput } from "@acme/validators";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { postAuth } from "~/auth/browser";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { Field, TextArea } from "~/components/ui/field";
import { useToast } from "~/components/ui/toast";
import { useUser } from "~/components/user";
import { useForm } from "~/lib/use-form";
import { api } from "~/trpc/react";
import { forgetApiToken } from "~/trpc/token";

interface Target {
  id: string;
  name: string;
  email: string;
  role: string;
  banned: boolean;
  emailVerified: boolean;
}

// The API's input as the form sends it: the end as a day (empty: no end).
const banForm = banUserInput.pick({ reason: true }).extend({
  until: z.union([z.literal(""), z.iso.date("Pick a day")]).optional(),
});

export function UserActions({ user, onChanged }: { user: Target; onChanged: () => void }) {
  const me = useUser();
  const toast = useToast();
  const router = useRouter();
  const utils = api.useUtils();
  const [dialog, setDialog] = useState<"ban" | "delete" | null>(null);
  const self = user.id === me.id;
  const admin = user.role === "admin";
  const done = (message: string) => ({
    onSuccess: () => {
      toast.success(message);
      onChanged();
      void utils.admin.users.list.invalidate();
    },
    onError: toast.error,
  });
  const unban = api.admin.users.unban.useMutation(done("Ban lifted"));
  const setRole = api.admin.users.setRole.useMutation({
    onSuccess: (changed) => {
      // Without the role, the console is not theirs any more.
      if (self && changed.role !== "admin") window.location.replace("/dashboard");
      else done("Role changed").onSuccess();
    },
    onError: toast.error,
  });
  const reset = api.admin.users.sendPasswordReset.useMutation({
    onSuccess: () => toast.success(`Reset link sent to ${user.email}`),
    onError: toast.error,
  });
  const verify = api.admin.users.verifyEmail.useMutation(done("Email marked verified"));
  const ban = api.admin.users.ban.useMutation();
  const remove = api.admin.users.delete.useMutation();
  const [busy, setBusy] = useState<string | null>(null);

  const viaAuth = async (label: string, call: () => Promise<void>) => {
    setBusy(label);
    try {
      await call();
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(null);
    }
  };
  const impersonate = () =>
    viaAuth("impersonate", async () => {
      await postAuth("/admin/impersonate-user", { userId: user.id });
      forgetApiToken();
      window.location.replace("/dashboard");
    });

  const banSubmit = useForm(banForm, async ({ reason, until }) => {
    // Until the end of the chosen day, in the admin's time zone.
    const expiresAt = until ? new Date(`${until}T23:59:59`).toISOString() : undefined;
    await ban.mutateAsync({ id: user.id, reason, expiresAt });
    setDialog(null);
    done("User banned").onSuccess();
  });

  return (
    <div className="mt-4 flex flex-wrap gap-2 border-t border-line pt-4">
      {!self && !admin && !user.banned && (
        <Button variant="secondary" onClick={() => setDialog("ban")}>
          Ban…
        </Button>
      )}
      {user.banned && (
        <Button variant="secondary" loading={unban.isPending} onClick={() => unban.mutate({ id: user.id })}>
          Lift ban
        </Button>
      )}
      <Button
        variant="secondary"
        loading={setRole.isPending}
        onClick={() => setRole.mutate({ id: user.id, role: admin ? "user" : "admin" })}
      >
        {admin ? "Remove admin role" : "Make admin"}
      </Button>
      {!user.emailVerified && (
        <Button variant="secondary" loading={verify.isPending} onClick={() => verify.mutate({ id: user.id })}>
          Mark email verified
        </Button>
      )}
      <Button variant="secondary" loading={reset.isPending} onClick={() => reset.mutate({ id: user.id })}>
        Send password reset
      </Button>
      {!self && !admin && !user.banned && (
        <Button variant="secondary" loading={busy === "impersonate"} onClick={impersonate}>
          Impersonate
        </Button>
      )}
      {!self && !admin && (
        <Button variant="danger-quiet" onClick={() => setDialog("delete")}>
          Delete user…
        </Button>
      )}

      <Dialog open={dialog === "ban"} onClose={() => setDialog(null)} title={`Ban ${user.name}`}>
        <form onSubmit={banSubmit.onSubmit} noValidate className="flex flex-col gap-4">
          <p className="text-sm">
            Their sessions end now, their tokens and API keys stop working, and sign-in shows them the reason.
          </p>
          <TextArea label="Reason" name="reason" required rows={3} maxLength={500} error={banSubmit.errors.reason} />
          <Field
            label="Until (optional)"
            name="until"
            type="date"
            hint="Through the end of that day. Empty: until you lift it."
            error={banSubmit.errors.until}
          />
          {banSubmit.formError && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {banSubmit.formError}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={banSubmit.pending}>
              Ban user
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={dialog === "delete"} onClose={() => setDialog(null)} title={`Delete ${user.name}?`}>
        <p className="text-sm">
          Their account, personal organization, files, sessions and keys are deleted for good. Organizations they own
          with other members must be handed over first.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDialog(null)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: user.id },
                {
                  onSuccess: () => {
                    toast.success(`${user.email} deleted`);
                    void utils.admin.users.list.invalidate();
                    router.replace("/admin/users");
                  },
                  onError: (error) => {
                    setDialog(null);
                    toast.error(error);
                  },
                },
              )
            }
          >
            Delete for good
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
