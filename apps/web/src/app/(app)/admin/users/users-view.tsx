"use client";
// The platform's users (admin.users.list): filters, a page at a time, the total, a CSV
// of the same filtered list, and a new account.
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { Link } from "~/components/ui/link";
import { ShowMore } from "~/components/ui/show-more";
import { Empty, LoadError, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { formatDate, formatTotal } from "~/lib/format";
import { useApiUrl } from "~/trpc/api-url";
import { downloadCsv } from "~/trpc/download";
import { byCursor, itemsOf } from "~/trpc/lists";
import { api } from "~/trpc/react";
import { RoleBadge, StatusBadge } from "./badges";
import { CreateUserForm } from "./create-user-form";
import { type UserFilters, UserFiltersForm } from "./filters";

export function UsersView() {
  const toast = useToast();
  const apiUrl = useApiUrl();
  const [filters, setFilters] = useState<UserFilters>({ sort: "newest" });
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const users = api.admin.users.list.useInfiniteQuery({ ...filters, limit: 50 }, byCursor);
  const items = itemsOf(users.data);
  const total = formatTotal(users.data?.pages[0]?.total);

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadCsv(apiUrl, "/admin/exports/users", { ...filters }, "users.csv");
    } catch (error) {
      toast.error(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="space-y-4">
      <UserFiltersForm onChange={setFilters} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted" aria-live="polite">
          {total !== undefined ? `${total} ${total === "1" ? "user" : "users"}` : " "}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" loading={exporting} onClick={exportCsv}>
            Export CSV
          </Button>
          <Button onClick={() => setCreating(true)}>New user</Button>
        </div>
      </div>
      {users.isPending ? (
        <SkeletonList rows={5} />
      ) : users.isError ? (
        <LoadError title="Users could not be loaded" error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No users match">Change the filters to see more.</Empty>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
          {items.map((user) => (
            <li key={user.id} data-testid="admin-user-row">
              <Link
                href={`/admin/users/${encodeURIComponent(user.id)}`}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4 hover:bg-neutral-50 dark:hover:bg-neutral-800/50"
              >
                <span className="min-w-0 flex-1 basis-56">
                  <span className="block truncate font-medium">{user.name}</span>
                  <span className="block truncate text-sm text-muted">
                    {user.email}
                    {!user.emailVerified && " · not verified"}
                  </span>
                </span>
                <RoleBadge role={user.role} />
                <StatusBadge banned={user.banned} until={user.banExpires} />
                <span className="w-28 text-right text-sm text-muted">{formatDate(user.createdAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ShowMore query={users} />
      <Dialog open={creating} onClose={() => setCreating(false)} title="New user">
        <CreateUserForm onDone={() => setCreating(false)} />
      </Dialog>
    </div>
  );
}
