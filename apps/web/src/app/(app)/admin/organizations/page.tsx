import type { Metadata } from "next";
import { OrganizationsView } from "../views";

export const metadata: Metadata = { title: "Organizations · Admin" };

export default function AdminOrganizationsPage() {
  return <OrganizationsView />;
}
