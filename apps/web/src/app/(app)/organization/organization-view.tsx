"use client";
// The active organization: its members and roles, invitations, teams and settings.
// What a role cannot do is not shown (the server refuses it anyway).
import { roleAllows } from "@acme/auth/permissions";
import { Link } from "~/components/ui/link";
import { LoadError, PageHeader, SkeletonList } from "~/components/ui/states";
import { api } from "~/trpc/react";
import { InvitationsCard } from "./invitations-card";
import { LogoUpload } from "./logo-upload";
import { MembersCard } from "./members-card";
import { SettingsCard } from "./settings-card";
import { TeamsCard } from "./teams-card";

export function OrganizationView() {
  const current = api.organization.current.useQuery();
  if (current.isPending) return <SkeletonList rows={3} />;
  if (current.isError)
    return (
      <LoadError
        title="The organization could not be loaded"
        error={current.error}
        onRetry={() => void current.refetch()}
      />
    );
  const org = current.data;
  const role = org.role ?? "viewer";
  const can = (permission: Parameters<typeof roleAllows>[1]) => roleAllows(role, permission);
  return (
    <>
      <PageHeader
        title={org.name}
        description={
          org.personal ? "Your personal organization. Create another to work with others." : `You are ${role} here.`
        }
        action={
          can("audit:read") ? (
            <Link href="/organization/audit" className="text-sm font-medium underline">
              Audit log
            </Link>
          ) : undefined
        }
      />
      <div className="flex flex-col gap-6">
        <MembersCard
          organizationId={org.id}
          canManage={can("member:update")}
          canRemove={can("member:delete")}
          isOwner={role === "owner"}
        />
        {!org.personal && can("invitation:create") && <InvitationsCard />}
        <TeamsCard canManage={can("team:create")} />
        {can("organization:update") && <LogoUpload logoUrl={org.logoUrl} />}
        <SettingsCard
          organization={org}
          canRename={can("organization:update")}
          canDelete={can("organization:delete")}
          canTransfer={can("organization:transfer")}
        />
      </div>
    </>
  );
}
