// Organizations on Better Auth's organization plugin: every user has a personal
// organization (created with the account, active by default, never deleted while
// the user exists); membership changes are announced so API instances drop cached
// roles at once; a deleted organization's API keys go with it.
import type { Db, Prisma } from "@acme/db";
import { invitationMail } from "@acme/email";
import { APIError } from "better-auth/api";
import { organization } from "better-auth/plugins/organization";
import type { AuthConfig } from "./auth";
import { deliver } from "./mail/deliver";
import { ac, ROLES } from "./permissions";
import { isPersonal, personalOrganizationId } from "./personal";

export { isPersonal, personalOrganizationId } from "./personal";

const HOUR_SECONDS = 60 * 60;

/** What cuts access somewhere: API instances drop the matching cached entries. */
export type AccessChange =
  | { kind: "member"; organizationId: string; userId: string }
  | { kind: "organization"; organizationId: string }
  | { kind: "key"; keyId: string }
  /** Everything of one user: memberships and the keys they made (a ban). */
  | { kind: "user"; userId: string };

/** Creates the user's personal organization, with them as owner; does nothing when it exists. */
export async function createPersonalOrganization(db: Db, user: { id: string; name: string }): Promise<void> {
  await db.$transaction((tx) => createPersonalOrganizationIn(tx, user));
}

/** The same, inside the caller's transaction (an account created with its organization). */
export async function createPersonalOrganizationIn(tx: Prisma.TransactionClient, user: { id: string; name: string }) {
  const id = personalOrganizationId(user.id);
  await tx.organization.upsert({
    where: { id },
    create: { id, name: user.name, slug: `personal-${user.id.toLowerCase()}`, metadata: '{"personal":true}' },
    update: {},
  });
  await tx.member.upsert({
    where: { organizationId_userId: { organizationId: id, userId: user.id } },
    create: { id: `member_${user.id}`, organizationId: id, userId: user.id, role: "owner" },
    update: {},
  });
}

/** One lookup when the personal organization exists (the usual case); creates it otherwise. */
export async function ensurePersonalOrganization(db: Db, userId: string): Promise<void> {
  const organizationId = personalOrganizationId(userId);
  const member = await db.member.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { id: true },
  });
  if (member) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  if (user) await createPersonalOrganization(db, { id: userId, name: user.name });
}

/** Logo and metadata are the API's to set (after checking an upload), never a client's. */
function refuseServerFields(data: Record<string, unknown> | undefined): void {
  for (const field of ["logo", "metadata"]) {
    if (data?.[field] !== undefined && data[field] !== null) {
      throw new APIError("BAD_REQUEST", {
        message:
          field === "logo"
            ? "Upload the logo through the API (POST /api/v1/organization/logo)"
            : "metadata is not accepted",
      });
    }
  }
}

/** A personal organization is its owner's alone: deleting the account deletes it. */
function refusePersonal(org: { id: string }): void {
  if (isPersonal(org)) {
    throw new APIError("BAD_REQUEST", {
      message: "Your personal workspace is yours alone. Create an organization to work with others.",
    });
  }
}

/** What the organization plugin needs of the auth config (the API server's key verifier passes no more). */
export type OrganizationConfig = Pick<
  AuthConfig,
  "db" | "baseURL" | "mailer" | "onAccessChange" | "invitationExpiresHours" | "invitationsPerHour"
>;

export function organizationPlugin(config: OrganizationConfig) {
  const announce = (change: AccessChange) => config.onAccessChange?.(change);
  return organization({
    ac,
    roles: ROLES,
    creatorRole: "owner",
    teams: { enabled: true, defaultTeam: { enabled: false } },
    invitationExpiresIn: (config.invitationExpiresHours ?? 48) * HOUR_SECONDS,
    invitationLimit: 100,
    // The API deletes organizations (DELETE /api/v1/organization): it owns their rows and stored objects.
    disableOrganizationDeletion: true,
    cancelPendingInvitationsOnReInvite: true,
    requireEmailVerificationOnInvitation: true,
    sendInvitationEmail: async ({ id, email, organization: org, inviter, role }) => {
      const url = `${config.baseURL}/accept-invitation/${encodeURIComponent(id)}`;
      await deliver(config.mailer, email, invitationMail(inviter.user.name, org.name, role, url));
    },
    organizationHooks: {
      beforeCreateInvitation: async ({ organization: org }) => {
        refusePersonal(org);
        const since = new Date(Date.now() - HOUR_SECONDS * 1000);
        const recent = await config.db.invitation.count({
          where: { organizationId: org.id, createdAt: { gte: since } },
        });
        if (recent >= (config.invitationsPerHour ?? 50)) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: "This organization sent too many invitations in the last hour; try again later",
          });
        }
      },
      beforeAddMember: async ({ organization: org }) => refusePersonal(org),
      beforeCreateOrganization: async ({ organization: org }) => refuseServerFields(org),
      beforeUpdateOrganization: async ({ organization: changes }) => refuseServerFields(changes),
      afterRemoveMember: async ({ member }) => {
        await announce({ kind: "member", organizationId: member.organizationId, userId: member.userId });
      },
      afterUpdateMemberRole: async ({ member }) => {
        await announce({ kind: "member", organizationId: member.organizationId, userId: member.userId });
      },
    },
  });
}
