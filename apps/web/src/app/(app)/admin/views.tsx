"use client";
// This area's deferred views: see ../views.tsx.
import { deferredView } from "~/trpc/deferred";

export const AuditLog = deferredView(() => import("~/components/audit/audit-log").then((m) => m.AuditLog));
export const JobsView = deferredView(() => import("./jobs/jobs-view").then((m) => m.JobsView));
export const OrganizationDetail = deferredView(() =>
  import("./organizations/[id]/organization-detail").then((m) => m.OrganizationDetail),
);
export const OrganizationsView = deferredView(() =>
  import("./organizations/organizations-view").then((m) => m.OrganizationsView),
);
export const UserDetail = deferredView(() => import("./users/[id]/user-detail").then((m) => m.UserDetail));
export const UsersView = deferredView(() => import("./users/users-view").then((m) => m.UsersView));
