// The dashboard's numbers and short lists, rendered on the server (data from
// ./load-summary); each part that did not come says so in its place.
import "server-only";
import type { ReactNode } from "react";
import { Link } from "~/components/ui/link";
import { Card, LoadError } from "~/components/ui/states";
import { formatTotal } from "~/lib/format";
import { STATUS_LABEL } from "~/lib/task-status";
import { loadSummary, type Part } from "./load-summary";

function Stat({ label, value, href }: { label: string; value: string | number | undefined; href: string }) {
  return (
    <Link href={href} className="rounded-xl border border-line bg-surface p-4 hover:border-indigo-400">
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
    <Link href={href} className="text-sm text-link underline-offset-2 hover:underline">
      {children}
    </Link>
  );
}

const total = <T extends { total: { count: number; exact: boolean } | null }>(part: Part<T>) =>
  part.value ? formatTotal(part.value.total) : undefined;

/** A card's short list: its items, what the role may not see, what went wrong, or that there are none. */
function PartList<T extends { id: string }>({
  part,
  forbidden,
  empty,
  item,
  className,
}: {
  part: Part<{ items: T[] }>;
  /** Said when the member's role may not see this part. */
  forbidden?: string;
  empty: string;
  item: (value: T) => ReactNode;
  className?: string;
}) {
  if (part.error) {
    return (
      <p className="text-sm text-muted" data-part-error={part.error.forbidden ? undefined : ""}>
        {part.error.forbidden ? forbidden : `Could not be loaded: ${part.error.message}`}
        {!part.error.forbidden && part.error.requestId && (
          <span className="block font-mono text-xs">Request {part.error.requestId}</span>
        )}
      </p>
    );
  }
  if (!part.value.items.length) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {part.value.items.map((value) => (
        <li key={value.id} className={className}>
          {item(value)}
        </li>
      ))}
    </ul>
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
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label={STATUS_LABEL.pending} value={total(pending)} href="/tasks?status=pending" />
        <Stat label={STATUS_LABEL.in_progress} value={total(inProgress)} href="/tasks?status=in_progress" />
        <Stat label={STATUS_LABEL.completed} value={total(completed)} href="/tasks?status=completed" />
        <Stat label="Files" value={total(files)} href="/files" />
        <Stat label="Active sessions" value={sessions} href="/profile" />
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Up next" action={<CardLink href="/tasks">All tasks</CardLink>}>
          <PartList
            part={pending}
            empty="Nothing to do. Enjoy it."
            className="truncate"
            item={(task) => (
              <Link href="/tasks?status=pending" className="hover:underline">
                • {task.title}
              </Link>
            )}
          />
        </Card>
        <Card
          title="API keys"
          action={keys.error?.forbidden ? undefined : <CardLink href="/api-keys">Manage</CardLink>}
        >
          <PartList
            part={keys}
            forbidden="Your role in this organization cannot see its API keys."
            empty="No keys yet. Create one to call the API from a script."
            className="flex justify-between gap-2"
            item={(key) => (
              <>
                <span className="truncate">
                  {key.name}
                  {key.revokedAt && <span className="ml-2 text-xs text-muted">revoked</span>}
                </span>
                <code className="text-xs text-muted">{key.start}…</code>
              </>
            )}
          />
        </Card>
      </div>
    </>
  );
}
