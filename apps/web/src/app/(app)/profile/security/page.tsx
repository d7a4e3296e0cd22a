import type { Metadata } from "next";
import { ProfileTabs } from "../tabs";
import { DangerZone, Passkeys, TwoFactor } from "../views";

export const metadata: Metadata = { title: "Security" };

export default function SecurityPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Account security</h1>
      <ProfileTabs />
      <TwoFactor />
      <Passkeys />
      <div id="your-data" className="scroll-mt-20">
        <DangerZone />
      </div>
    </div>
  );
}
