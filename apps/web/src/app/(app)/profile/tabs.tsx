"use client";
import { Tabs } from "~/components/tabs";

const TABS = [
  { href: "/profile", label: "Profile" },
  { href: "/profile/security", label: "Security" },
  { href: "/profile/activity", label: "Activity" },
];

export function ProfileTabs() {
  return <Tabs label="Profile" tabs={TABS} />;
}
