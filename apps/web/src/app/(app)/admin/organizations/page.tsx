import type { Metadata } from "next";
import { OrganizationsView } from "./organizations-view";

export const metadata: Metadata = { title: "Organizations · Admin" };

export default function AdminOrganizationsPage() {
  return <OrganizationsView />;
}
