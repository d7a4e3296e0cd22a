"use client";
// The form that creates an organization from the header, loaded when asked for (not part of every
// signed-in page's first load). Switching to the new one reloads the app.
import { type FormEvent, useState } from "react";
import { createOrganization, switchOrganization } from "~/auth/browser";
import { Button } from "./ui/button";
import { Field } from "./ui/field";
import { useToast } from "./ui/toast";

function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${base || "org"}-${Math.random().toString(36).slice(2, 6)}`;
}

export function NewOrganizationForm({ onCancel }: { onCancel: () => void }) {
  const toast = useToast();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
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
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={busy}>
          Create organization
        </Button>
      </div>
    </form>
  );
}
