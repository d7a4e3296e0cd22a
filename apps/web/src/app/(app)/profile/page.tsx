import type { Metadata } from "next";
import { ChangeEmail } from "./change-email";
import { ChangePassword } from "./change-password";
import { ProfileForm } from "./profile-form";
import { Sessions } from "./sessions";
import { ProfileTabs } from "./tabs";

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
