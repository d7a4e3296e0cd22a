"use client";
import { personalOrganizationId } from "@acme/auth/personal";
import { useState } from "react";
import { organization, switchOrganization } from "~/auth/organizations";
import { Button } from "~/components/ui/button";
import { useConfirm } from "~/components/ui/confirm";
import { Field } from "~/components/ui/field";
import { Card } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { useUser } from "~/components/user";
import { api } from "~/trpc/react";
import { TransferOwnership } from "./transfer-ownership";
import { useOrgAction } from "./use-org-action";

interface Org {
  id: string;
  name: string;
  slug: string;
  personal: boolean;
}

export function SettingsCard({
  organization: org,
  canRename,
  canDelete,
  canTransfer,
}: {
  organization: Org;
  canRename: boolean;
  canDelete: boolean;
  canTransfer: boolean;
}) {
  const ask = useConfirm();
  const toast = useToast();
  const { run, busy } = useOrgAction();
  const [name, setName] = useState(org.name);
  const [slug, setSlug] = useState(org.slug);
  const [confirm, setConfirm] = useState("");
  const remove = api.organization.delete.useMutation();
  const me = useUser();
  const personal = personalOrganizationId(me.id);

  return (
    <Card title="Settings">
      <div className="flex flex-col gap-6">
        {canRename && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(
                "rename",
                () =>
                  organization.update({
                    organizationId: org.id,
                    data: { name: name.trim(), ...(org.personal ? {} : { slug: slug.trim() }) },
                  }),
                "Settings saved",
              );
            }}
            className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <Field
              label="Name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              maxLength={100}
            />
            {!org.personal && (
              <Field
                label="Slug"
                value={slug}
                onChange={(event) => setSlug(event.target.value)}
                required
                pattern="[a-z0-9][a-z0-9-]{1,62}"
                title="Lowercase letters, digits and dashes"
              />
            )}
            <Button type="submit" variant="secondary" loading={busy === "rename"}>
              Save
            </Button>
          </form>
        )}
        {canTransfer && !org.personal && <TransferOwnership organizationId={org.id} />}
        {!org.personal && (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-muted">Leave this organization. Its data stays with it.</p>
            <Button
              variant="secondary"
              loading={busy === "leave"}
              onClick={async () => {
                if (!(await ask({ title: `Leave ${org.name}?`, action: "Leave", danger: false }))) return;
                if (await run("leave", () => organization.leave({ organizationId: org.id }))) {
                  await switchOrganization(personal);
                }
              }}
            >
              Leave
            </Button>
          </div>
        )}
        {canDelete && !org.personal && (
          <form
            className="flex flex-col gap-3 rounded-lg border border-red-200 p-4 dark:border-red-900"
            onSubmit={(event) => {
              event.preventDefault();
              remove.mutate(
                { confirm },
                {
                  onError: toast.error,
                  onSuccess: async () => {
                    await switchOrganization(personal);
                  },
                },
              );
            }}
          >
            <p className="text-sm">
              Deleting <strong>{org.name}</strong> removes its tasks, files, data and API keys for everyone. Type its
              name to confirm.
            </p>
            <Field
              label="Organization name"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="danger" disabled={confirm !== org.name} loading={remove.isPending}>
              Delete organization
            </Button>
          </form>
        )}
      </div>
    </Card>
  );
}
