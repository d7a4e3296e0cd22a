"use client";
// One organization (admin.organizations.get): what it holds and who is in it.
import { Link } from "~/components/ui/link";
import { Card, Empty, SkeletonList } from "~/components/ui/states";
import { formatDate } from "~/lib/format";
import { api } from "~/trpc/react";

export function OrganizationDetail({ id }: { id: string }) {
  const detail = api.admin.organizations.get.useQuery({ id });
  if (detail.isPending) return <SkeletonList rows={3} />;
  if (detail.isError) {
    return (
      <Empty title={detail.error.data?.code === "NOT_FOUND" ? "No such organization" : "It could not be loaded"}>
        <Link href="/admin/organizations" className="underline">
          Back to organizations
        </Link>
      </Empty>
    );
  }
  const { organization, members, counts } = detail.data;
  const stats: [string, number][] = [
    ["Members", counts.members],
    ["Teams", counts.teams],
    ["Tasks", counts.tasks],
    ["Files", counts.files],
    ["API keys", counts.apiKeys],
  ];
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-xl font-semibold">{organization.name}</h2>
        <p className="text-sm text-muted">
          {organization.personal ? "Personal workspace" : organization.slug} · created{" "}
          {formatDate(organization.createdAt)}
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {stats.map(([label, value]) => (
            <div key={label} className="rounded-lg bg-neutral-50 p-3 dark:bg-neutral-800/60">
              <dt className="text-xs text-muted">{label}</dt>
              <dd className="text-lg font-semibold">{value.toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
        <Link
          href={`/admin/audit?organization=${encodeURIComponent(organization.id)}`}
          className="mt-4 inline-block text-sm underline"
        >
          Its audit log
        </Link>
      </Card>
      <Card title="Members">
        <ul className="divide-y divide-line">
          {members.map((member) => (
            <li key={member.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <Link href={`/admin/users/${encodeURIComponent(member.userId)}`} className="min-w-0 truncate underline">
                {member.name} · {member.email}
              </Link>
              <span className="text-muted">
                {member.role} · since {formatDate(member.joinedAt)}
              </span>
            </li>
          ))}
        </ul>
        {counts.members > members.length && (
          <p className="mt-2 text-sm text-muted">
            Showing the first {members.length} of {counts.members}.
          </p>
        )}
      </Card>
    </div>
  );
}
