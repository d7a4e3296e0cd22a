// The dashboard's numbers and short lists, fetched on the server through the API
// (one batched call as the signed-in user) and the auth server (the session count).
import "server-only";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect, unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { getAuth } from "~/auth/server";
import { Card, LoadError, Skeleton } from "~/components/ui/states";
import { describeError, isTrpcError } from "~/lib/errors";
import { formatTotal } from "~/lib/format";
import { STATUS_LABEL } from "~/lib/task-status";
import { serverApi } from "~/trpc/server";

const GRID = "grid grid-cols-2 gap-3 md:grid-cols-5";
const CARDS = "grid gap-6 md:grid-cols-2";
const STAT = "rounded-xl border border-line bg-surface p-4";

function Stat({ label, value, href }: { label: string; value: string | number | undefined; href: string }) {
  return (
    <Link prefetch={false} href={href} className={`${STAT} hover:border-indigo-400`}>
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold">{value ?? "–"}</p>
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

async function load() {
  const api = await serverApi();
  const [pending, inProgress, completed, files, keys, sessions] = await Promise.all([
    api.tasks.list.query({ status: "pending", limit: 5 }),
    api.tasks.list.query({ status: "in_progress", limit: 1 }),
    api.tasks.list.query({ status: "completed", limit: 1 }),
    api.files.list.query({ status: "ready", limit: 1 }),
    api.apiKeys.list.query({ limit: 5 }),
    // A count the auth server cannot give shows as unknown; the rest still renders.
    getAuth()
      .api.listSessions({ headers: await headers() })
      .catch(() => null),
  ]);
  return { pending, inProgress, completed, files, keys, sessions: sessions?.length };
}

/** What the page says when the API did not answer: its own message (with a request id), or a plain one. */
function failure(error: unknown): { message: string; data: { requestId: string | null } } {
  const { message, requestId } = describeError(error);
  if (isTrpcError(error) && requestId) return { message, data: { requestId } };
  return { message: "The API did not answer. Try again in a moment.", data: { requestId: null } };
}

export async function DashboardSummary() {
  let data: Awaited<ReturnType<typeof load>>;
  try {
    data = await load();
  } catch (error) {
    unstable_rethrow(error); // Next's own redirects and bail-outs pass through
    // A session that ended while the page rendered: sign in again, and come back.
    if (isTrpcError(error) && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED") {
      redirect("/sign-in?next=%2Fdashboard");
    }
    console.error("dashboard: the API call failed", error);
    return <LoadError title="The dashboard could not be loaded" error={failure(error)} retryHref="/dashboard" />;
  }
  const { pending, inProgress, completed, files, keys, sessions } = data;
  return (
    <>
      <div className={GRID}>
        <Stat label={STATUS_LABEL.pending} value={formatTotal(pending.total)} href="/tasks?status=pending" />
        <Stat label={STATUS_LABEL.in_progress} value={formatTotal(inProgress.total)} href="/tasks?status=in_progress" />
        <Stat label={STATUS_LABEL.completed} value={formatTotal(completed.total)} href="/tasks?status=completed" />
        <Stat label="Files" value={formatTotal(files.total)} href="/files" />
        <Stat label="Active sessions" value={sessions} href="/profile" />
      </div>
      <div className={CARDS}>
        <Card title="Up next" action={<CardLink href="/tasks">All tasks</CardLink>}>
          {pending.items.length ? (
            <ul className="space-y-2 text-sm">
              {pending.items.map((task) => (
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
        <Card title="API keys" action={<CardLink href="/api-keys">Manage</CardLink>}>
          {keys.items.length ? (
            <ul className="space-y-2 text-sm">
              {keys.items.map((key) => (
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

/** The summary's place while its data is on its way. */
export function DashboardSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="space-y-6">
      <div className={GRID}>
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className={STAT}>
            <Skeleton className="h-4 w-20" />
            <Skeleton className="mt-2 h-7 w-12" />
          </div>
        ))}
      </div>
      <div className={CARDS}>
        <Skeleton className="h-36 w-full rounded-xl" />
        <Skeleton className="h-36 w-full rounded-xl" />
      </div>
    </div>
  );
}
