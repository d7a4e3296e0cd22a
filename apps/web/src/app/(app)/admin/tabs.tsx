"use client";
import { Tabs } from "~/components/tabs";

const TABS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/organizations", label: "Organizations" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/jobs", label: "Jobs" },
];

export function AdminTabs() {
  return <Tabs label="Admin" tabs={TABS} exact={false} />;
}
