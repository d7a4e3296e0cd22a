"use client";
// An invitation, for the signed-in person it was sent to (sign-in or sign-up first
// brings them back here): join, or decline.
import { useEffect, useState } from "react";
import { failure, organization, switchOrganization } from "~/auth/organizations";
import { Button } from "~/components/ui/button";
import { Card, Empty, PageHeader, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";

interface Invitation {
  organizationId: string;
  organizationName: string;
  role: string;
  inviterEmail: string;
}

export function AcceptInvitation({ id }: { id: string }) {
  const toast = useToast();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void organization.getInvitation({ query: { id } }).then((result) => {
      if (result.data) setInvitation(result.data as Invitation);
      else setProblem(failure(result) ?? "This invitation does not exist");
    });
  }, [id]);

  if (problem) {
    return (
      <Empty title="This invitation cannot be used">
        {problem}. It may have expired, been revoked or accepted, or been sent to another address.
      </Empty>
    );
  }
  if (!invitation) return <SkeletonList rows={1} />;

  const accept = async () => {
    setBusy(true);
    const error = failure(await organization.acceptInvitation({ invitationId: id }));
    if (error) {
      setBusy(false);
      toast.error(new Error(error));
      return;
    }
    const switched = await switchOrganization(invitation.organizationId);
    if (switched) toast.error(new Error(switched));
  };

  return (
    <>
      <PageHeader title={`Join ${invitation.organizationName}`} />
      <Card>
        <p className="mb-4 text-sm">
          {invitation.inviterEmail} invited you to <strong>{invitation.organizationName}</strong> as{" "}
          <strong>{invitation.role}</strong>.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button onClick={accept} loading={busy}>
            Accept and join
          </Button>
          <Button
            variant="secondary"
            onClick={async () => {
              const error = failure(await organization.rejectInvitation({ invitationId: id }));
              if (error) toast.error(new Error(error));
              else window.location.assign("/dashboard");
            }}
          >
            Decline
          </Button>
        </div>
      </Card>
    </>
  );
}
