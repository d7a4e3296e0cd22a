// The admin console: platform admins only, checked on the server for every page (the
// API checks every call again). Others get the 404 page: the console's existence is not
// advertised.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "~/auth/session";
import { AdminTabs } from "./tabs";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  const role = (session?.user as { role?: string | null } | undefined)?.role;
  const impersonating = Boolean((session?.session as { impersonatedBy?: string | null } | undefined)?.impersonatedBy);
  if (role !== "admin" || impersonating) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <p className="mt-1 text-sm text-muted">Operate the platform. Every change here is recorded in the audit log.</p>
      </div>
      <AdminTabs />
      {children}
    </div>
  );
}
