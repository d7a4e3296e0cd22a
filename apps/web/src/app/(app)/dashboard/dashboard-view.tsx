"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { countSessions } from "~/auth/browser";
import { Card, Skeleton } from "~/components/ui/states";
import { useUser } from "~/components/user";
import { formatTotal } from "~/lib/format";
import { STATUS_LABEL } from "~/lib/task-status";
import { api } from "~/trpc/react";

function Stat({ label, value, href }: { label: string; value: string | number | undefined; href: string }) {
  return (
    <Link prefetch={false} href={href} className="rounded-xl border border-line bg-surface p-4 hover:border-indigo-400">
      <p className="text-sm text-muted">{label}</p>
      {value === undefined ? (
        <Skeleton className="mt-2 h-7 w-12" />
      ) : (
        <p className="mt-1 text-2xl font-semibold">{value}</p>
      )}
    </Link>
  );
}

export function DashboardView() {
  const user = useUser();
  const pending = api.tasks.list.useQuery({ status: "pending", limit: 5 });
  const inProgress = api.tasks.list.useQuery({ status: "in_progress", limit: 1 });
  const completed = api.tasks.list.useQuery({ status: "completed", limit: 1 });
  const files = api.files.list.useQuery({ status: "ready", limit: 1 });
  const keys = api.apiKeys.list.useQuery({ limit: 5 });
  const [sessionCount, setSessionCount] = useState<number>();
  useEffect(() => {
    void countSessions().then(setSessionCount);
  }, []);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello, {user.name.split(" ")[0]}</h1>
        <p className="text-sm text-muted">Here is where things stand.</p>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label={STATUS_LABEL.pending} value={formatTotal(pending.data?.total)} href="/tasks?status=pending" />
        <Stat
          label={STATUS_LABEL.in_progress}
          value={formatTotal(inProgress.data?.total)}
          href="/tasks?status=in_progress"
        />
        <Stat
          label={STATUS_LABEL.completed}
          value={formatTotal(completed.data?.total)}
          href="/tasks?status=completed"
        />
        <Stat label="Files" value={formatTotal(files.data?.total)} href="/files" />
        <Stat label="Active sessions" value={sessionCount} href="/profile" />
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card
          title="Up next"
          action={
            <Link prefetch={false} href="/tasks" className="text-sm text-link underline-offset-2 hover:underline">
              All tasks
            </Link>
          }
        >
          {pending.isPending ? (
            <Skeleton className="h-20 w-full" />
          ) : pending.data?.items.length ? (
            <ul className="space-y-2 text-sm">
              {pending.data.items.map((task) => (
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
          action={
            <Link
              prefetch={false}
              href="/api-keys"
              className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Manage
            </Link>
          }
        >
          {keys.isPending ? (
            <Skeleton className="h-20 w-full" />
          ) : keys.data?.items.length ? (
            <ul className="space-y-2 text-sm">
              {keys.data.items.map((key) => (
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
    </div>
  );
}
