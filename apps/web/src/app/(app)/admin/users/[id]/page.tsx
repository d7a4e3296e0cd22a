import type { Metadata } from "next";
import { UserDetail } from "../../views";

export const metadata: Metadata = { title: "User · Admin" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <UserDetail id={decodeURIComponent(id)} />;
}
