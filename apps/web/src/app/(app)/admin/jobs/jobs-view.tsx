"use client";
// The background jobs (admin.jobs.*): each job with what it does, its schedule and next
// run, its runs by state and the last one, "Run now"; below, the newest runs. Refreshed
// every few seconds while the page is open, so a run is seen going from queued to done.
import { Button } from "~/components/ui/button";
import { Card, LoadError, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { api } from "~/trpc/react";

import { JobRuns, REFRESH_MS, StateBadge } from "./job-runs";

export function JobsView() {
  const toast = useToast();
  const utils = api.useUtils();
  const overview = api.admin.jobs.overview.useQuery(undefined, { refetchInterval: REFRESH_MS });
  const run = api.admin.jobs.run.useMutation({
    onSuccess: (job) => {
      toast.success(`${job.name} queued`);
      void utils.admin.jobs.invalidate();
    },
    onError: toast.error,
  });

  if (overview.isPending) return <SkeletonList rows={3} />;
  if (overview.isError)
    return (
      <LoadError title="Jobs could not be loaded" error={overview.error} onRetry={() => void overview.refetch()} />
    );
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
              <p className="mt-1 text-sm text-muted">{job.summary}</p>
              <p className="mt-3 text-sm">
                {job.schedule ? (
                  <>
                    Schedule <code>{job.schedule}</code> (UTC)
                  </>
                ) : job.adminRun ? (
                  "Not scheduled"
                ) : (
                  "Runs when a user asks for it"
                )}
              </p>
              {job.nextRun && (
                <p className="mt-1 text-sm text-muted">
                  Next run <time dateTime={job.nextRun.toISOString()}>{job.nextRun.toLocaleString()}</time>
                </p>
              )}
              <p className="mt-1 text-sm text-muted">
                {job.counts.completed} done · {job.counts.failed} failed · {job.counts.created + job.counts.retry}{" "}
                waiting
              </p>
              <p className="mt-1 text-sm text-muted">
                Last run:{" "}
                {job.lastRun ? (
                  <>
                    <StateBadge state={job.lastRun.state} /> {job.lastRun.at.toLocaleString()}
                  </>
                ) : (
                  "never"
                )}
              </p>
              {job.adminRun && (
                <Button
                  variant="secondary"
                  className="mt-4"
                  aria-label={`Run ${job.name} now`}
                  loading={run.isPending && run.variables?.name === job.name}
                  onClick={() => run.mutate({ name: job.name })}
                >
                  Run now
                </Button>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <JobRuns jobs={jobs.map((job) => job.name)} />
    </div>
  );
}
