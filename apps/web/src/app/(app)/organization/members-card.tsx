"use client";
import { ORGANIZATION_ROLES } from "@acme/auth/permissions";
import { organization } from "~/auth/organizations";
import { Button } from "~/components/ui/button";
import { useConfirm } from "~/components/ui/confirm";
import { InlineSelect } from "~/components/ui/field";
import { Card, SkeletonList } from "~/components/ui/states";
import { useUser } from "~/components/user";
import { useAllMembers } from "~/trpc/lists";
import { useOrgAction } from "./use-org-action";

export function MembersCard({
  organizationId,
  canManage,
  canRemove,
  isOwner,
}: {
  organizationId: string;
  canManage: boolean;
  canRemove: boolean;
  /** Only owners make owners. */
  isOwner: boolean;
}) {
  const ask = useConfirm();
  const me = useUser();
  const members = useAllMembers();
  const { run, busy } = useOrgAction();
  return (
    <Card title="Members">
      {members.isPending ? (
        <SkeletonList rows={2} />
      ) : (
        <ul className="divide-y divide-line">
          {members.items.map((member) => {
            const self = member.email === me.email;
            return (
              <li key={member.id} data-testid="member-row" className="flex flex-wrap items-center gap-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {member.name} {self && <span className="text-xs text-muted">(you)</span>}
                  </p>
                  <p className="truncate text-sm text-muted">{member.email}</p>
                </div>
                {canManage && !self ? (
                  <InlineSelect
                    label={`Role of ${member.name}`}
                    value={member.role}
                    disabled={busy !== null}
                    onChange={(event) =>
                      run(
                        "role",
                        () =>
                          organization.updateMemberRole({
                            memberId: member.id,
                            role: event.target.value,
                            organizationId,
                          }),
                        "Role changed",
                      )
                    }
                  >
                    {ORGANIZATION_ROLES.filter((role) => isOwner || role !== "owner" || member.role === "owner").map(
                      (role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ),
                    )}
                  </InlineSelect>
                ) : (
                  <span className="rounded-full bg-subtle px-2 py-0.5 text-xs">{member.role}</span>
                )}
                {canRemove && !self && (
                  <Button
                    variant="ghost"
                    aria-label={`Remove ${member.name}`}
                    loading={busy === `remove-${member.id}`}
                    onClick={async () => {
                      const title = `Remove ${member.name} from the organization?`;
                      if (!(await ask({ title, action: "Remove member" }))) return;
                      void run(
                        `remove-${member.id}`,
                        () => organization.removeMember({ memberIdOrEmail: member.id, organizationId }),
                        `${member.name} removed`,
                      );
                    }}
                  >
                    Remove
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
