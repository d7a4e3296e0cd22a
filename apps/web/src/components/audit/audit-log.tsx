"use client";
// An audit log as people read it: the platform's (admins, admin.audit.*) or the active
// organization's (its owners and admins, auditLog.*). Filters by actor, action, target,
// organization (platform) and time; newest first, a page at a time; the same filtered
// log as CSV.
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ShowMore } from "~/components/ui/show-more";
import { Empty, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { formatTotal } from "~/lib/format";
import { useApiUrl } from "~/trpc/api-url";
import { downloadCsv } from "~/trpc/download";
import { byCursor, itemsOf } from "~/trpc/lists";
import { api } from "~/trpc/react";
import { type AuditFilters, AuditFiltersForm } from "./filters";

export type AuditScope = "platform" | "organization";

const EXPORTS: Record<AuditScope, [string, string]> = {
  platform: ["/admin/exports/audit-events", "platform-audit-log.csv"],
  organization: ["/audit-events/export", "audit-log.csv"],
};

export function AuditLog({ scope, initial }: { scope: AuditScope; initial: AuditFilters }) {
  const toast = useToast();
  const apiUrl = useApiUrl();
  const [filters, setFilters] = useState<AuditFilters>(initial);
  const [exporting, setExporting] = useState(false);
  const input = { ...filters, limit: 50 };
  const platform = api.admin.audit.list.useInfiniteQuery(input, { ...byCursor, enabled: scope === "platform" });
  const { organizationId: _ignored, ...own } = input;
  const organization = api.auditLog.list.useInfiniteQuery(own, { ...byCursor, enabled: scope === "organization" });
  const query = scope === "platform" ? platform : organization;
  const events = itemsOf(query.data);
  const total = formatTotal(query.data?.pages[0]?.total);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const [path, filename] = EXPORTS[scope];
      await downloadCsv(
        apiUrl,
        path,
        scope === "platform" ? { ...filters } : { ...filters, organizationId: undefined },
        filename,
      );
    } catch (error) {
      toast.error(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="space-y-4">
      <AuditFiltersForm initial={initial} withOrganization={scope === "platform"} onChange={setFilters} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted" aria-live="polite">
          {total !== undefined ? `${total} ${total === "1" ? "event" : "events"}` : " "}
        </p>
        <Button variant="secondary" loading={exporting} onClick={exportCsv}>
          Export CSV
        </Button>
      </div>
      {query.isPending ? (
        <SkeletonList rows={5} />
      ) : query.isError ? (
        <Empty title="The log could not be loaded">{query.error.message}</Empty>
      ) : events.length === 0 ? (
        <Empty title="No events match" />
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface text-sm">
          {events.map((event) => (
            <li key={event.id} data-testid="audit-row" className="flex flex-wrap gap-x-4 gap-y-1 p-3">
              <code className="w-full shrink-0 break-all font-medium sm:w-60">{event.action}</code>
              <span className="min-w-0 basis-full break-words text-muted sm:flex-1 sm:basis-0">
                {event.actorUserId ? `by ${event.actorEmail ?? event.actorUserId}` : "by nobody signed in"}
                {event.actorKeyId && ` (key ${event.actorKeyId})`}
                {event.impersonatorId && ` (impersonated by ${event.impersonatorId})`}
                {event.targetId && ` · ${event.targetType ?? "target"} ${event.targetId}`}
                {scope === "platform" && event.organizationId && ` · in ${event.organizationId}`}
                {event.ip && ` · ${event.ip}`}
              </span>
              <time className="text-xs text-muted sm:text-sm" dateTime={event.at.toISOString()}>
                {event.at.toLocaleString()}
              </time>
            </li>
          ))}
        </ul>
      )}
      <ShowMore query={query} />
    </div>
  );
}
