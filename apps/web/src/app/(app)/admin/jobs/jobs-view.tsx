"use client";
// The background jobs (admin.jobs.*): each job with what it does, its schedule, its
// runs by state and the last one, "Run now"; below, the newest runs. Refreshed every
// few seconds while the page is open, so a run is seen going from queued to done.
import { Button } from "~/components/ui/button";
import { Card, Empty, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { api } from "~/trpc/react";

const REFRESH_MS = 3_000;

const STATE_STYLE: Record<string, string> = {
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  active: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  retry: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
};

function StateBadge({ state }: { state: string }) {
  const style = STATE_STYLE[state] ?? "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200";
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${style}`}>{state}</span>;
}

export function JobsView() {
  const toast = useToast();
  const utils = api.useUtils();
  const overview = api.admin.jobs.overview.useQuery(undefined, { refetchInterval: REFRESH_MS });
  const runs = api.admin.jobs.runs.useQuery({ limit: 50 }, { refetchInterval: REFRESH_MS });
  const run = api.admin.jobs.run.useMutation({
    onSuccess: (job) => {
      toast.success(`${job.name} queued`);
      void utils.admin.jobs.invalidate();
    },
    onError: toast.error,
  });

  if (overview.isPending) return <SkeletonList rows={3} />;
  if (overview.isError) return <Empty title="Jobs could not be loaded">{overview.error.message}</Empty>;
  const { workerSeen, jobs } = overview.data;
  return (
    <div className="space-y-6">
      {!workerSeen && (
        <p
          role="status"
          className="rounded-lg bg-amber-100 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          No worker has started against this database yet: start one (`pnpm --filter @acme/worker start`, or `make dev`)
          and the jobs run on their schedules.
        </p>
      )}
      <ul className="grid gap-4 md:grid-cols-3">
        {jobs.map((job) => (
          <li key={job.name} data-testid="job-card">
            <Card>
              <h2 className="font-mono text-sm font-semibold">{job.name}</h2>
              <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{job.summary}</p>
              <p className="mt-3 text-sm">
                {job.schedule ? (
                  <>
                    Schedule <code>{job.schedule}</code> (UTC)
                  </>
                ) : (
                  "Not scheduled"
                )}
              </p>
              <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
                {job.counts.completed} done · {job.counts.failed} failed · {job.counts.created + job.counts.retry}{" "}
                waiting
              </p>
              <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
                Last run:{" "}
                {job.lastRun ? (
                  <>
                    <StateBadge state={job.lastRun.state} /> {job.lastRun.at.toLocaleString()}
                  </>
                ) : (
                  "never"
                )}
              </p>
              <Button
                variant="secondary"
                className="mt-4"
                aria-label={`Run ${job.name} now`}
                loading={run.isPending && run.variables?.name === job.name}
                onClick={() => run.mutate({ name: job.name })}
              >
                Run now
              </Button>
            </Card>
          </li>
        ))}
      </ul>
      <Card title="Newest runs">
        {runs.isPending ? (
          <SkeletonList rows={3} />
        ) : (runs.data ?? []).length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">No runs yet.</p>
        ) : (
          <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
            {(runs.data ?? []).map((entry) => (
              <li key={entry.id} data-testid="job-run" className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
                <code className="min-w-0 basis-full sm:basis-64">{entry.name}</code>
                <StateBadge state={entry.state} />
                {entry.retryCount > 0 && <span>{entry.retryCount} retries</span>}
                <span className="min-w-0 flex-1 break-words text-neutral-600 dark:text-neutral-400">
                  {entry.output ? JSON.stringify(entry.output) : ""}
                </span>
                <time className="text-neutral-600 dark:text-neutral-400" dateTime={entry.createdOn.toISOString()}>
                  {entry.createdOn.toLocaleString()}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
