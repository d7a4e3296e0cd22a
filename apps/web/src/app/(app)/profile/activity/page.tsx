import type { Metadata } from "next";
import { ProfileTabs } from "../tabs";
import { ActivityList } from "../views";

export const metadata: Metadata = { title: "Activity" };

export default function ActivityPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your activity</h1>
      <ProfileTabs />
      <ActivityList />
    </div>
  );
}
