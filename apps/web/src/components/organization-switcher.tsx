"use client";
// The organization switcher in the header: every organization the user belongs
// to, and a way to create one. Switching fetches a new API token (it carries the
// active organization) by reloading the app.
import { lazy, Suspense, useState } from "react";
import { switchOrganization } from "~/auth/browser";
import { Dialog } from "./ui/dialog";
import { useToast } from "./ui/toast";

// The form loads when asked for: it is not part of every signed-in page's first load.
const NewOrganizationForm = lazy(() =>
  import("./new-organization").then(
    (m) => ({ default: m.NewOrganizationForm }),
    () => ({
      default: () => (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          This could not load. Check your connection and reload the page.
        </p>
      ),
    }),
  ),
);

export interface OrganizationChoice {
  id: string;
  name: string;
}

const NEW = "__new__";

export function OrganizationSwitcher({
  organizations,
  activeId,
}: {
  organizations: OrganizationChoice[];
  activeId: string | null;
}) {
  const toast = useToast();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <label className="sr-only" htmlFor="organization-switcher">
        Organization
      </label>
      <select
        id="organization-switcher"
        value={activeId ?? ""}
        onChange={async (event) => {
          const value = event.target.value;
          if (value === NEW) return setCreating(true);
          const problem = await switchOrganization(value);
          if (problem) toast.error(new Error(problem));
        }}
        className="max-w-44 truncate rounded-md border border-control bg-surface px-2 py-1.5 text-sm"
      >
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
        <option value={NEW}>+ New organization…</option>
      </select>
      <Dialog open={creating} onClose={() => setCreating(false)} title="New organization">
        {creating && (
          <Suspense fallback={<p className="text-sm text-muted">Loading…</p>}>
            <NewOrganizationForm onCancel={() => setCreating(false)} />
          </Suspense>
        )}
      </Dialog>
    </>
  );
}
