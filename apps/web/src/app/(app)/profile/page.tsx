import type { Metadata } from "next";
import { ProfileTabs } from "./tabs";
import { ChangeEmail, ChangePassword, ProfileForm, Sessions } from "./views";

export const metadata: Metadata = { title: "Profile" };

export default function ProfilePage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
      <ProfileTabs />
      <ProfileForm />
      <ChangeEmail />
      <ChangePassword />
      <Sessions />
    </div>
  );
}
