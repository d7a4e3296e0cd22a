"use client";
import { ORGANIZATION_ROLES } from "@acme/auth/permissions";
import { useState } from "react";
import { organization } from "~/auth/organizations";
import { Button } from "~/components/ui/button";
import { Field, Select } from "~/components/ui/field";
import { ShowMore } from "~/components/ui/show-more";
import { Card } from "~/components/ui/states";
import { byCursor, itemsOf } from "~/trpc/lists";
import { api } from "~/trpc/react";
import { useOrgAction } from "./use-org-action";

type Role = (typeof ORGANIZATION_ROLES)[number];

export function InvitationsCard() {
  const invitations = api.invitations.list.useInfiniteQuery({ limit: 20 }, byCursor);
  const items = itemsOf(invitations.data);
  const { run, busy } = useOrgAction();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");

  const invite = async (event: React.FormEvent) => {
    event.preventDefault();
    const sent = await run(
      "invite",
      () => organization.inviteMember({ email: email.trim(), role }),
      `Invitation sent to ${email}`,
    );
    if (sent) setEmail("");
  };

  return (
    <Card title="Invitations">
      <form onSubmit={invite} className="mb-4 grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <Field label="Email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} required />
        <Select label="Role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ORGANIZATION_ROLES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </Select>
        <Button type="submit" loading={busy === "invite"}>
          Invite
        </Button>
      </form>
      {items.length ? (
        <>
          <ul className="divide-y divide-line">
            {items.map((invitation) => (
              <li key={invitation.id} data-testid="invitation-row" className="flex flex-wrap items-center gap-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{invitation.email}</p>
                  <p className="text-sm text-muted">
                    {invitation.role ?? "member"} · expires {invitation.expiresAt.toLocaleString()}
                  </p>
                </div>
                <Button
                  variant="ghost"
                  loading={busy === `resend-${invitation.id}`}
                  onClick={() =>
                    run(
                      `resend-${invitation.id}`,
                      () =>
                        organization.inviteMember({
                          email: invitation.email,
                          role: (invitation.role ?? "member") as Role,
                          resend: true,
                        }),
                      "Invitation sent again",
                    )
                  }
                >
                  Resend
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Revoke the invitation of ${invitation.email}`}
                  loading={busy === `revoke-${invitation.id}`}
                  onClick={() =>
                    run(
                      `revoke-${invitation.id}`,
                      () => organization.cancelInvitation({ invitationId: invitation.id }),
                      "Invitation revoked",
                    )
                  }
                >
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
          <ShowMore query={invitations} />
        </>
      ) : (
        <p className="text-sm text-muted">No pending invitations.</p>
      )}
    </Card>
  );
}
