import type { Metadata } from "next";
import { OrganizationView } from "./views";

export const metadata: Metadata = { title: "Organization" };

export default function OrganizationPage() {
  return <OrganizationView />;
}
