"use client";
// Every organization (admin.organizations.list): owner, members, created; searchable.
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, Select } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { ShowMore } from "~/components/ui/show-more";
import { Empty, LoadError, SkeletonList } from "~/components/ui/states";
import { formatDate, formatTotal } from "~/lib/format";
import { byCursor, itemsOf } from "~/trpc/lists";
import { api } from "~/trpc/react";

interface Filters {
  q?: string;
  kind?: "personal" | "shared";
  sort: "newest" | "name";
}

export function OrganizationsView() {
  const [filters, setFilters] = useState<Filters>({ sort: "newest" });
  const orgs = api.admin.organizations.list.useInfiniteQuery({ ...filters, limit: 50 }, byCursor);
  const items = itemsOf(orgs.data);
  const total = formatTotal(orgs.data?.pages[0]?.total);
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const q = String(data.get("q") ?? "").trim();
    const kind = String(data.get("kind") ?? "");
    setFilters({
      q: q || undefined,
      kind: kind === "personal" || kind === "shared" ? kind : undefined,
      sort: data.get("sort") === "name" ? "name" : "newest",
    });
  };
  return (
    <div className="space-y-4">
      <form
        aria-label="Filter organizations"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          apply(event.currentTarget);
        }}
        onChange={(event) => {
          if ((event.target as HTMLElement).tagName === "SELECT") apply(event.currentTarget);
        }}
        className="grid grid-cols-2 gap-3 sm:grid-cols-4"
      >
        <div className="col-span-2 flex items-end gap-2">
          <div className="flex-1">
            <Field label="Search" name="q" type="search" placeholder="Name or slug" maxLength={100} />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
        <Select label="Kind" name="kind" defaultValue="">
          <option value="">Any</option>
          <option value="shared">Shared</option>
          <option value="personal">Personal</option>
        </Select>
        <Select label="Sort" name="sort" defaultValue="newest">
          <option value="newest">Newest first</option>
          <option value="name">Name</option>
        </Select>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {total !== undefined ? `${total} ${total === "1" ? "organization" : "organizations"}` : " "}
      </p>
      {orgs.isPending ? (
        <SkeletonList rows={5} />
      ) : orgs.isError ? (
        <LoadError title="Organizations could not be loaded" error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No organizations match" />
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
          {items.map((org) => (
            <li key={org.id}>
              <Link
                href={`/admin/organizations/${encodeURIComponent(org.id)}`}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4 hover:bg-neutral-50 dark:hover:bg-neutral-800/50"
              >
                <span className="min-w-0 flex-1 basis-56">
                  <span className="block truncate font-medium">
                    {org.name}
                    {org.personal && <span className="font-normal text-muted"> (personal)</span>}
                  </span>
                  <span className="block truncate text-sm text-muted">Owner: {org.ownerEmail ?? "none"}</span>
                </span>
                <span className="text-sm">{org.members === 1 ? "1 member" : `${org.members} members`}</span>
                <span className="w-28 text-right text-sm text-muted">{formatDate(org.createdAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ShowMore query={orgs} />
    </div>
  );
}
