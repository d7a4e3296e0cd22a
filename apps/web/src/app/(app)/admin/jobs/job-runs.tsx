"use client";
// The newest runs, filtered by job and state, with the commands that apply to each:
// retry a failed run, cancel one still waiting. Dead-letter copies are shown, not controlled.
import type { RouterOutputs } from "@acme/api";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { InlineSelect } from "~/components/ui/field";
import { Card, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { api } from "~/trpc/react";

export const REFRESH_MS = 3_000;
const PAGE = 50;

type Name = RouterOutputs["admin"]["jobs"]["overview"]["jobs"][number]["name"];
type State = RouterOutputs["admin"]["jobs"]["runs"][number]["state"];
const STATES: readonly State[] = ["created", "retry", "active", "completed", "cancelled", "failed"];

const STATE_STYLE: Record<string, string> = {
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  active: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  retry: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
};

export function StateBadge({ state }: { state: string }) {
  const style = STATE_STYLE[state] ?? "bg-subtle text-neutral-700 dark:text-neutral-200";
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${style}`}>{state}</span>;
}

const duration = (from: Date | null, to: Date | null) =>
  from && to ? `${((to.getTime() - from.getTime()) / 1000).toFixed(1)} s` : null;

export function JobRuns({ jobs }: { jobs: readonly Name[] }) {
  const toast = useToast();
  const utils = api.useUtils();
  const [name, setName] = useState<Name | "">("");
  const [state, setState] = useState<State | "">("");
  // Pages back in time: each older page starts before the last run shown.
  const [pages, setPages] = useState<Date[]>([]);
  const before = pages.at(-1);
  const runs = api.admin.jobs.runs.useQuery(
    { limit: PAGE, name: name || undefined, state: state || undefined, before },
    { refetchInterval: before ? false : REFRESH_MS },
  );
  const last = runs.data?.at(-1);
  const done = (what: string) => () => {
    toast.success(what);
    void utils.admin.jobs.invalidate();
  };
  const retry = api.admin.jobs.retry.useMutation({ onSuccess: done("Run queued again"), onError: toast.error });
  const cancel = api.admin.jobs.cancel.useMutation({ onSuccess: done("Run cancelled"), onError: toast.error });

  return (
    <Card title="Newest runs">
      <div className="mb-3 flex flex-wrap gap-2">
        <InlineSelect
          label="Job"
          value={name}
          onChange={(e) => {
            setName(e.target.value as Name | "");
            setPages([]);
          }}
        >
          <option value="">All jobs</option>
          {jobs.map((job) => (
            <option key={job} value={job}>
              {job}
            </option>
          ))}
        </InlineSelect>
        <InlineSelect
          label="State"
          value={state}
          onChange={(e) => {
            setState(e.target.value as State | "");
            setPages([]);
          }}
        >
          <option value="">Any state</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </InlineSelect>
      </div>
      {runs.isPending ? (
        <SkeletonList rows={3} />
      ) : (runs.data ?? []).length === 0 ? (
        <p className="text-sm text-muted">No runs{name || state ? " match" : " yet"}.</p>
      ) : (
        <ul className="divide-y divide-line text-sm">
          {(runs.data ?? []).map((entry) => {
            const original = !entry.name.endsWith(".dead");
            const took = duration(entry.startedOn, entry.completedOn);
            return (
              <li key={entry.id} data-testid="job-run" className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
                <code className="min-w-0 basis-full sm:basis-64">{entry.name}</code>
                <StateBadge state={entry.state} />
                {entry.retryCount > 0 && <span>{entry.retryCount} retries</span>}
                {took && <span className="text-muted">{took}</span>}
                <span className="min-w-0 flex-1 break-words text-muted">
                  {entry.output ? JSON.stringify(entry.output) : ""}
                </span>
                <time className="text-muted" dateTime={entry.createdOn.toISOString()}>
                  {entry.createdOn.toLocaleString()}
                </time>
                {original && entry.state === "failed" && (
                  <Button
                    variant="secondary"
                    loading={retry.isPending && retry.variables?.id === entry.id}
                    onClick={() => retry.mutate({ id: entry.id })}
                  >
                    Retry
                  </Button>
                )}
                {original && (entry.state === "created" || entry.state === "retry") && (
                  <Button
                    variant="secondary"
                    loading={cancel.isPending && cancel.variables?.id === entry.id}
                    onClick={() => cancel.mutate({ id: entry.id })}
                  >
                    Cancel
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <nav aria-label="Older and newer runs" className="mt-3 flex justify-between text-sm">
        <Button variant="secondary" disabled={pages.length === 0} onClick={() => setPages(pages.slice(0, -1))}>
          Newer
        </Button>
        <Button
          variant="secondary"
          disabled={!last || (runs.data?.length ?? 0) < PAGE}
          onClick={() => last && setPages([...pages, last.createdOn])}
        >
          Older
        </Button>
      </nav>
    </Card>
  );
}
