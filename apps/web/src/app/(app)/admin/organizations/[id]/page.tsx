import type { Metadata } from "next";
import { OrganizationDetail } from "../../views";

export const metadata: Metadata = { title: "Organization · Admin" };

export default async function AdminOrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <OrganizationDetail id={decodeURIComponent(id)} />;
}
