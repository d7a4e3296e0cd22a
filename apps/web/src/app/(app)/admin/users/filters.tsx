"use client";
// The users list's filters, applied on submit (search) or on change (the selects).
import { USER_SORTS, type UserSort } from "@acme/validators/constants";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, Select } from "~/components/ui/field";

export interface UserFilters {
  q?: string;
  role?: "user" | "admin";
  state?: "active" | "banned";
  verified?: "verified" | "unverified";
  createdFrom?: string;
  createdTo?: string;
  sort: UserSort;
}

const SORT_LABELS: Record<UserSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  name: "Name",
  email: "Email",
};

/** A day from a date input as the start of that day (UTC), as the API takes instants. */
const dayStart = (value: FormDataEntryValue | null) => (value ? `${value}T00:00:00Z` : undefined);
const pick = <T extends string>(value: FormDataEntryValue | null) => (value ? (value as T) : undefined);

export function UserFiltersForm({ onChange }: { onChange: (filters: UserFilters) => void }) {
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const apply = (target: HTMLFormElement | null) => {
    if (!target) return;
    const data = new FormData(target);
    const q = String(data.get("q") ?? "").trim();
    onChange({
      q: q || undefined,
      role: pick(data.get("role")),
      state: pick(data.get("state")),
      verified: pick(data.get("verified")),
      createdFrom: dayStart(data.get("createdFrom")),
      createdTo: dayStart(data.get("createdTo")),
      sort: (pick<UserSort>(data.get("sort")) ?? "newest") as UserSort,
    });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  return (
    <form
      ref={setForm}
      onSubmit={submit}
      onChange={(event) => {
        if ((event.target as HTMLElement).tagName === "SELECT") apply(form);
      }}
      className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8"
      aria-label="Filter users"
    >
      <div className="col-span-2 flex items-end gap-2 lg:col-span-3">
        <div className="flex-1">
          <Field label="Search" name="q" type="search" placeholder="Email or name" maxLength={100} />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </div>
      <Select label="Role" name="role" defaultValue="">
        <option value="">Any</option>
        <option value="user">User</option>
        <option value="admin">Admin</option>
      </Select>
      <Select label="Status" name="state" defaultValue="">
        <option value="">Any</option>
        <option value="active">Active</option>
        <option value="banned">Banned</option>
      </Select>
      <Select label="Email" name="verified" defaultValue="">
        <option value="">Any</option>
        <option value="verified">Verified</option>
        <option value="unverified">Not verified</option>
      </Select>
      <Select label="Sort" name="sort" defaultValue="newest">
        {USER_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </Select>
      <details className="col-span-2 sm:col-span-4 lg:col-span-8">
        <summary className="cursor-pointer text-sm text-muted">Signed up between</summary>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:max-w-md">
          <Field label="From" name="createdFrom" type="date" onBlur={() => apply(form)} />
          <Field label="Before" name="createdTo" type="date" onBlur={() => apply(form)} />
        </div>
      </details>
    </form>
  );
}
