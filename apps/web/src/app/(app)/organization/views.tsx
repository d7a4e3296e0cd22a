"use client";
// This area's deferred views: see ../views.tsx.
import { deferredView } from "~/trpc/deferred";

export const AuditLog = deferredView(() => import("~/components/audit/audit-log").then((m) => m.AuditLog));
export const OrganizationView = deferredView(() => import("./organization-view").then((m) => m.OrganizationView));
