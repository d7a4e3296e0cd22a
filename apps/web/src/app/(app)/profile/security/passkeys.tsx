"use client";
// Passkeys: add several (each named), rename and remove them.
import { type FormEvent, useState } from "react";
import { authClient } from "~/auth/client";
import { Button } from "~/components/ui/button";
import { useConfirm } from "~/components/ui/confirm";
import { Dialog } from "~/components/ui/dialog";
import { Field } from "~/components/ui/field";
import { Card, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { formatDate } from "~/lib/format";
import { authErrorMessage } from "~/lib/use-form";

const NAME_MAX = 64;

interface PasskeyRow {
  id: string;
  name?: string | null;
  createdAt?: Date | string | null;
  deviceType?: string;
}

function readName(event: FormEvent<HTMLFormElement>): string {
  return String(new FormData(event.currentTarget).get("name") ?? "").trim();
}

export function Passkeys() {
  const ask = useConfirm();
  const list = authClient.useListPasskeys();
  const toast = useToast();
  const [dialog, setDialog] = useState<{ kind: "add" } | { kind: "rename"; passkey: PasskeyRow } | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const passkeys = (list.data ?? []) as PasskeyRow[];

  const close = () => {
    setDialog(null);
    setError(undefined);
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = readName(event);
    if (!name || name.length > NAME_MAX) return setError(`Give it a name of 1 to ${NAME_MAX} characters`);
    setPending(true);
    const result =
      dialog?.kind === "rename"
        ? await authClient.passkey.updatePasskey({ id: dialog.passkey.id, name })
        : await authClient.passkey.addPasskey({ name });
    setPending(false);
    if (result?.error) {
      const code = (result.error as { code?: string }).code;
      const cancelled = code === "ERROR_CEREMONY_ABORTED" || code === "AUTH_CANCELLED";
      return setError(cancelled ? "The passkey was not created (cancelled)." : authErrorMessage(result.error));
    }
    toast.success(dialog?.kind === "rename" ? "Passkey renamed" : "Passkey added");
    close();
    list.refetch();
  }

  async function remove(passkey: PasskeyRow) {
    const title = `Remove the passkey “${passkey.name ?? "Passkey"}”?`;
    const body = "You can no longer sign in with it.";
    if (!(await ask({ title, body, action: "Remove passkey" }))) return;
    const { error } = await authClient.passkey.deletePasskey({ id: passkey.id });
    if (error) return toast.error(new Error(authErrorMessage(error)));
    toast.success("Passkey removed");
    list.refetch();
  }

  return (
    <Card title="Passkeys" action={<Button onClick={() => setDialog({ kind: "add" })}>Add a passkey</Button>}>
      <p className="mb-4 text-sm text-soft">Sign in with your fingerprint, face or device PIN instead of a password.</p>
      {list.isPending ? (
        <SkeletonList rows={2} />
      ) : passkeys.length === 0 ? (
        <p className="text-sm text-muted">No passkeys yet.</p>
      ) : (
        <ul className="divide-y divide-line">
          {passkeys.map((passkey) => (
            <li key={passkey.id} data-testid="passkey-row" className="flex flex-wrap items-center gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{passkey.name || "Passkey"}</p>
                <p className="text-xs text-muted">
                  {passkey.deviceType === "multiDevice" ? "Synced passkey" : "This device only"}
                  {passkey.createdAt ? ` · added ${formatDate(new Date(passkey.createdAt))}` : ""}
                </p>
              </div>
              <Button variant="ghost" onClick={() => setDialog({ kind: "rename", passkey })}>
                Rename
              </Button>
              <Button variant="ghost" onClick={() => remove(passkey)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={dialog !== null}
        onClose={close}
        title={dialog?.kind === "rename" ? "Rename passkey" : "Add a passkey"}
      >
        <form onSubmit={save} noValidate className="flex flex-col gap-4">
          <Field
            label="Name"
            name="name"
            maxLength={NAME_MAX}
            defaultValue={dialog?.kind === "rename" ? (dialog.passkey.name ?? "") : ""}
            placeholder="e.g. Work laptop"
            autoFocus
            error={error}
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {dialog?.kind === "rename" ? "Save" : "Continue"}
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
