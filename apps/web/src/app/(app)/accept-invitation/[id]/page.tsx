import type { Metadata } from "next";
import { AcceptInvitation } from "../../views";

export const metadata: Metadata = { title: "Invitation" };

export default async function AcceptInvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AcceptInvitation id={id} />;
}
