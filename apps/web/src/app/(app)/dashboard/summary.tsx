// The dashboard's numbers and short lists, rendered on the server (data from
// ./load-summary); each part that did not come says so in its place.
import "server-only";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, LoadError } from "~/components/ui/states";
import { formatTotal } from "~/lib/format";
import { STATUS_LABEL } from "~/lib/task-status";
import { loadSummary, type Part, type PartError } from "./load-summary";

const GRID = "grid grid-cols-2 gap-3 md:grid-cols-5";
const CARDS = "grid gap-6 md:grid-cols-2";
const STAT = "rounded-xl border border-line bg-surface p-4";

function Stat({ label, value, href }: { label: string; value: string | number | undefined; href: string }) {
  return (
    <Link prefetch={false} href={href} className={`${STAT} hover:border-indigo-400`}>
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold">
        {value ?? (
          <>
            <span aria-hidden>–</span>
            <span className="sr-only">unknown</span>
          </>
        )}
      </p>
    </Link>
  );
}

function CardLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link prefetch={false} href={href} className="text-sm text-link underline-offset-2 hover:underline">
      {children}
    </Link>
  );
}

const total = <T extends { total: { count: number; exact: boolean } | null }>(part: Part<T>) =>
  part.value ? formatTotal(part.value.total) : undefined;

/** A card's part that did not come: what the role may not see, or what went wrong. */
function Missing({ error, forbidden }: { error: PartError; forbidden: string }) {
  return (
    <p className="text-sm text-muted" data-part-error={error.forbidden ? undefined : ""}>
      {error.forbidden ? forbidden : `Could not be loaded: ${error.message}`}
      {!error.forbidden && error.requestId && (
        <span className="block font-mono text-xs">Request {error.requestId}</span>
      )}
    </p>
  );
}

export async function DashboardSummary() {
  const data = await loadSummary();
  if (data.unavailable) {
    const { message, requestId } = data.unavailable;
    return (
      <LoadError
        title="The dashboard could not be loaded"
        error={{ message, data: { requestId } }}
        retryHref="/dashboard"
      />
    );
  }
  const { pending, inProgress, completed, files, keys, sessions } = data;
  return (
    <>
      <div className={GRID}>
        <Stat label={STATUS_LABEL.pending} value={total(pending)} href="/tasks?status=pending" />
        <Stat label={STATUS_LABEL.in_progress} value={total(inProgress)} href="/tasks?status=in_progress" />
        <Stat label={STATUS_LABEL.completed} value={total(completed)} href="/tasks?status=completed" />
        <Stat label="Files" value={total(files)} href="/files" />
        <Stat label="Active sessions" value={sessions} href="/profile" />
      </div>
      <div className={CARDS}>
        <Card title="Up next" action={<CardLink href="/tasks">All tasks</CardLink>}>
          {pending.error ? (
            <Missing error={pending.error} forbidden="Your role here cannot see tasks." />
          ) : pending.value.items.length ? (
            <ul className="space-y-2 text-sm">
              {pending.value.items.map((task) => (
                <li key={task.id} className="truncate">
                  <Link prefetch={false} href="/tasks?status=pending" className="hover:underline">
                    • {task.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">Nothing to do. Enjoy it.</p>
          )}
        </Card>
        <Card
          title="API keys"
          action={keys.error?.forbidden ? undefined : <CardLink href="/api-keys">Manage</CardLink>}
        >
          {keys.error ? (
            <Missing error={keys.error} forbidden="Your role in this organization cannot see its API keys." />
          ) : keys.value.items.length ? (
            <ul className="space-y-2 text-sm">
              {keys.value.items.map((key) => (
                <li key={key.id} className="flex justify-between gap-2">
                  <span className="truncate">
                    {key.name}
                    {key.revokedAt && <span className="ml-2 text-xs text-muted">revoked</span>}
                  </span>
                  <code className="text-xs text-muted">{key.start}…</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No keys yet. Create one to call the API from a script.</p>
          )}
        </Card>
      </div>
    </>
  );
}
