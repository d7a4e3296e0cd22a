"use client";
// The full archive (JSON and every file you uploaded), built in the background: ask for
// one, see it being prepared (we mail you when it is ready), download it while it lasts.
import { Button } from "~/components/ui/button";
import { useToast } from "~/components/ui/toast";
import { formatBytes } from "~/lib/errors";
import { api } from "~/trpc/react";

const POLL_MS = 3_000;

const STATUS_TEXT = {
  queued: "Waiting to be prepared…",
  running: "Being prepared…",
  ready: "Ready",
  failed: "Could not be prepared",
} as const;

export function DataArchive() {
  const toast = useToast();
  const utils = api.useUtils();
  const archives = api.account.archives.useQuery(undefined, {
    refetchInterval: (query) =>
      query.state.data?.some((a) => a.status === "queued" || a.status === "running") ? POLL_MS : false,
  });
  const request = api.account.requestArchive.useMutation({
    onSuccess: () => {
      toast.success("We are preparing your archive and will mail you when it is ready");
      void utils.account.archives.invalidate();
    },
    onError: toast.error,
  });
  const download = api.account.archiveDownload.useMutation({
    onSuccess: ({ url }) => window.location.assign(url),
    onError: toast.error,
  });
  const busy = archives.data?.some((a) => a.status === "queued" || a.status === "running") ?? false;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-prose text-sm text-soft">
          Or get everything, with the files you uploaded, as one zip archive. It takes a moment: we mail you when it is
          ready, and keep it for a week.
        </p>
        <Button variant="secondary" loading={request.isPending} disabled={busy} onClick={() => request.mutate()}>
          Prepare full archive
        </Button>
      </div>
      {(archives.data ?? []).length > 0 && (
        <ul className="divide-y divide-line text-sm" aria-label="Your archives">
          {(archives.data ?? []).map((archive) => (
            <li key={archive.id} data-testid="archive" className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <time dateTime={archive.createdAt.toISOString()}>{archive.createdAt.toLocaleString()}</time>
              <span className={archive.status === "failed" ? "text-red-700 dark:text-red-300" : ""}>
                {STATUS_TEXT[archive.status]}
                {archive.size !== null && ` · ${formatBytes(archive.size)}`}
              </span>
              {archive.expiresAt && <span className="text-muted">until {archive.expiresAt.toLocaleDateString()}</span>}
              {archive.status === "ready" && (
                <Button
                  variant="secondary"
                  className="ml-auto"
                  loading={download.isPending && download.variables?.id === archive.id}
                  onClick={() => download.mutate({ id: archive.id })}
                >
                  Download
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
