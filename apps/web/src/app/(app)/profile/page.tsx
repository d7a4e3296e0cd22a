import type { Metadata } from "next";
import { ChangePassword } from "./change-password";
import { ProfileForm } from "./profile-form";
import { Sessions } from "./sessions";

export const metadata: Metadata = { title: "Profile" };

export default function ProfilePage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
      <ProfileForm />
      <ChangePassword />
      <Sessions />
    </div>
  );
}
