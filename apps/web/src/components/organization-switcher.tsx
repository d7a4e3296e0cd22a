"use client";
// The organization switcher in the header: every organization the user belongs
// to, and a way to create one. Switching fetches a new API token (it carries the
// active organization) by reloading the app.
import { useState } from "react";
import { createOrganization, switchOrganization } from "~/auth/browser";
import { Button } from "./ui/button";
import { Dialog } from "./ui/dialog";
import { Field } from "./ui/field";
import { useToast } from "./ui/toast";

export interface OrganizationChoice {
  id: string;
  name: string;
}

const NEW = "__new__";

function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${base || "org"}-${Math.random().toString(36).slice(2, 6)}`;
}

export function OrganizationSwitcher({
  organizations,
  activeId,
}: {
  organizations: OrganizationChoice[];
  activeId: string | null;
}) {
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    let created: { id: string };
    try {
      created = await createOrganization(name.trim(), slugOf(name));
    } catch (error) {
      setBusy(false);
      toast.error(error);
      return;
    }
    const problem = await switchOrganization(created.id, "/organization");
    if (problem) {
      setBusy(false);
      toast.error(new Error(problem));
    }
  };

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
        <form onSubmit={create} className="flex flex-col gap-4">
          <Field
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
            autoFocus
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setCreating(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create organization
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
