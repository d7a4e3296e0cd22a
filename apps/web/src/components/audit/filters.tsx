"use client";
// An audit log's filters, applied when the form is submitted.
import type { FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";

export interface AuditFilters {
  actorUserId?: string;
  action?: string;
  targetId?: string;
  organizationId?: string;
  createdFrom?: string;
  createdTo?: string;
}

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim() || undefined;
const day = (data: FormData, name: string) => {
  const value = text(data, name);
  return value ? `${value}T00:00:00Z` : undefined;
};

export function AuditFiltersForm({
  initial,
  withOrganization,
  onChange,
}: {
  initial: AuditFilters;
  withOrganization: boolean;
  onChange: (filters: AuditFilters) => void;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChange({
      actorUserId: text(data, "actorUserId"),
      action: text(data, "action"),
      targetId: text(data, "targetId"),
      organizationId: withOrganization ? text(data, "organizationId") : undefined,
      createdFrom: day(data, "createdFrom"),
      createdTo: day(data, "createdTo"),
    });
  };
  return (
    <form
      aria-label="Filter events"
      onSubmit={submit}
      className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-4"
    >
      <Field label="Actor (user id)" name="actorUserId" defaultValue={initial.actorUserId} maxLength={100} />
      <Field label="Action" name="action" placeholder="user.signed_in" defaultValue={initial.action} maxLength={100} />
      <Field label="Target id" name="targetId" defaultValue={initial.targetId} maxLength={200} />
      {withOrganization && (
        <Field label="Organization id" name="organizationId" defaultValue={initial.organizationId} maxLength={100} />
      )}
      <Field label="From" name="createdFrom" type="date" />
      <Field label="Before" name="createdTo" type="date" />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
    </form>
  );
}
