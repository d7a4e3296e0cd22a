import type { Metadata } from "next";
import { AuditLog } from "../views";

export const metadata: Metadata = { title: "Audit log · Admin" };

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  return (
    <AuditLog
      scope="platform"
      initial={{ actorUserId: one(search.actor), organizationId: one(search.organization), action: one(search.action) }}
    />
  );
}
