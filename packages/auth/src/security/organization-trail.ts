// Audit events of organization changes made on the auth server (Better Auth's
// organization endpoints): created and updated, members invited, joined, re-roled,
// removed or gone, invitations cancelled, teams and their members. Read from each
// endpoint's answer after it succeeded, with the signed-in person as the actor, and
// queued like the rest of the auth server's trail.
import type { AuditInput } from "@acme/db/audit";

type Row = Record<string, unknown> | null | undefined;
type Event = Pick<AuditInput, "action" | "organizationId" | "targetType" | "targetId" | "metadata">;

const text = (value: unknown) => (typeof value === "string" ? value : null);
const row = (value: unknown): Row => (typeof value === "object" && value !== null ? (value as Row) : null);

/** What the endpoint at `path` did, from its answer and its request body; null when it is not one of these. */
export function organizationEvent(path: string, returned: unknown, body: Row): Event | null {
  const answer = row(returned);
  const member = row(answer?.member) ?? answer;
  const invitation = row(answer?.invitation) ?? answer;
  switch (path) {
    case "/organization/create":
      return {
        action: "organization.created",
        organizationId: text(answer?.id),
        targetType: "organization",
        targetId: text(answer?.id),
        metadata: { name: text(answer?.name) },
      };
    case "/organization/update":
      return {
        action: "organization.updated",
        organizationId: text(answer?.id),
        targetType: "organization",
        targetId: text(answer?.id),
        metadata: { name: text(answer?.name) },
      };
    case "/organization/invite-member":
      return {
        action: "member.invited",
        organizationId: text(invitation?.organizationId),
        targetType: "invitation",
        targetId: text(invitation?.id),
        metadata: { email: text(invitation?.email), role: text(invitation?.role) },
      };
    case "/organization/cancel-invitation":
      return {
        action: "invitation.cancelled",
        organizationId: text(invitation?.organizationId),
        targetType: "invitation",
        targetId: text(invitation?.id),
      };
    case "/organization/accept-invitation":
      return {
        action: "member.joined",
        organizationId: text(member?.organizationId),
        targetType: "user",
        targetId: text(member?.userId),
        metadata: { role: text(member?.role) },
      };
    case "/organization/update-member-role":
      return {
        action: "member.role_changed",
        organizationId: text(member?.organizationId),
        targetType: "user",
        targetId: text(member?.userId),
        metadata: { role: text(member?.role) },
      };
    case "/organization/remove-member":
      return {
        action: "member.removed",
        organizationId: text(member?.organizationId),
        targetType: "user",
        targetId: text(member?.userId),
      };
    case "/organization/leave":
      return {
        action: "member.left",
        organizationId: text(member?.organizationId),
        targetType: "user",
        targetId: text(member?.userId),
      };
    case "/organization/create-team":
    case "/organization/update-team":
      return {
        action: path.endsWith("create-team") ? "team.created" : "team.updated",
        organizationId: text(answer?.organizationId),
        targetType: "team",
        targetId: text(answer?.id),
        metadata: { name: text(answer?.name) },
      };
    case "/organization/remove-team":
      return {
        action: "team.deleted",
        organizationId: text(body?.organizationId),
        targetType: "team",
        targetId: text(body?.teamId),
      };
    case "/organization/add-team-member":
    case "/organization/remove-team-member":
      return {
        action: path.startsWith("/organization/add") ? "team.member_added" : "team.member_removed",
        organizationId: text(body?.organizationId),
        targetType: "team",
        targetId: text(body?.teamId),
        metadata: { userId: text(body?.userId) },
      };
    default:
      return null;
  }
}
