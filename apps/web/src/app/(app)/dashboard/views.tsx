"use client";
// The dashboard's deferred view, in a module of its own: see ../views.tsx.
import { deferredView } from "~/trpc/deferred";

export const DashboardView = deferredView(() => import("./dashboard-view").then((m) => m.DashboardView));
