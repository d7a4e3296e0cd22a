"use client";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useConfirm } from "~/components/ui/confirm";
import { Dialog } from "~/components/ui/dialog";
import { ShowMore } from "~/components/ui/show-more";
import { Empty, LoadError, PageHeader, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { formatDate } from "~/lib/format";
import { byCursor, itemsOf } from "~/trpc/lists";
import { api } from "~/trpc/react";
import { CreateKeyForm } from "./create-key-form";

export function ApiKeysView() {
  const ask = useConfirm();
  const toast = useToast();
  const utils = api.useUtils();
  const keys = api.apiKeys.list.useInfiniteQuery({ limit: 50 }, byCursor);
  const items = itemsOf(keys.data);
  const create = api.apiKeys.create.useMutation({ onSuccess: () => utils.apiKeys.list.invalidate() });
  const revoke = api.apiKeys.revoke.useMutation({ onSuccess: () => utils.apiKeys.list.invalidate() });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  return (
    <>
      <PageHeader
        title="API keys"
        description="For scripts and services calling the API. Each key only has the scopes you give it."
        action={<Button onClick={() => setCreating(true)}>New key</Button>}
      />
      {keys.isPending ? (
        <SkeletonList rows={2} />
      ) : keys.isError ? (
        <LoadError title="Keys could not be loaded" error={keys.error} onRetry={() => void keys.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No API keys">Create one to call the API from a script.</Empty>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
          {items.map((key) => (
            <li
              key={key.id}
              data-testid="api-key-row"
              data-revoked={key.revokedAt ? "" : undefined}
              className="flex flex-wrap items-center gap-3 p-4"
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {key.name}
                  {key.revokedAt && (
                    <span className="ml-2 rounded bg-subtle px-1.5 py-0.5 text-xs font-normal text-soft">Revoked</span>
                  )}
                </p>
                <p className="font-mono text-xs text-muted">{key.start}…</p>
              </div>
              <div className="flex flex-wrap gap-1">
                {key.scopes.map((scope) => (
                  <code key={scope} className="rounded bg-subtle px-1.5 py-0.5 text-xs">
                    {scope}
                  </code>
                ))}
              </div>
              <p className="w-44 text-xs text-muted">
                Created {formatDate(key.createdAt)}
                <br />
                {key.revokedAt
                  ? `Revoked ${formatDate(key.revokedAt)}`
                  : key.expiresAt
                    ? `Expires ${formatDate(key.expiresAt)}`
                    : "Never expires"}
                <br />
                {key.lastUsedAt ? `Last used ${key.lastUsedAt.toLocaleString()}` : "Never used"}
              </p>
              {key.revokedAt ? (
                <span className="w-[4.5rem]" aria-hidden />
              ) : (
                <Button
                  variant="danger-quiet"
                  aria-label={`Revoke ${key.name}`}
                  onClick={async () => {
                    const body = "Anything using it stops working at once.";
                    if (await ask({ title: `Revoke “${key.name}”?`, body, action: "Revoke key" })) {
                      revoke.mutate(
                        { id: key.id },
                        { onSuccess: () => toast.success("Key revoked"), onError: toast.error },
                      );
                    }
                  }}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ShowMore query={keys} />

      <Dialog open={creating} onClose={() => setCreating(false)} title="New API key">
        <CreateKeyForm
          pending={create.isPending}
          onCancel={() => setCreating(false)}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (created) => {
                setCreating(false);
                setCopied(false);
                setSecret(created.key);
              },
              onError: toast.error,
            })
          }
        />
      </Dialog>
      <Dialog open={secret !== null} onClose={() => setSecret(null)} title="Copy your key now">
        <p className="mb-3 text-sm text-muted">This is the only time it is shown. Store it somewhere safe.</p>
        <div className="flex gap-2">
          <input
            readOnly
            value={secret ?? ""}
            aria-label="Your new API key"
            data-testid="new-api-key"
            className="w-full rounded-md border border-control bg-neutral-50 px-3 py-2 font-mono text-xs dark:bg-neutral-950"
          />
          <Button
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(secret ?? "");
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
