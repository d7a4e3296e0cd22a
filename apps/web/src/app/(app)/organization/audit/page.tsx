import type { Metadata } from "next";
import { AuditLog } from "../views";

export const metadata: Metadata = { title: "Audit log" };

/** The active organization's log; the API refuses it to roles below admin. */
export default function OrganizationAuditPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-muted">
          Who did what in this organization: deletions, keys, members and settings.
        </p>
      </div>
      <AuditLog scope="organization" initial={{}} />
    </div>
  );
}
