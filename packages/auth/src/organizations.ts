// Organizations on Better Auth's organization plugin: every user has a personal
// organization (created with the account, active by default, never deleted while
// the user exists); membership changes are announced so API instances drop cached
// roles at once; a deleted organization's API keys go with it.
import type { Db } from "@acme/db";
import { APIError } from "better-auth/api";
import { organization } from "better-auth/plugins";
import type { AuthConfig } from "./auth";
import { invitationMail } from "./mail/templates";
import { ac, ROLES } from "./permissions";

const HOUR_SECONDS = 60 * 60;

/** What cuts access somewhere: API instances drop the matching cached entries. */
export type AccessChange =
  | { kind: "member"; organizationId: string; userId: string }
  | { kind: "organization"; organizationId: string }
  | { kind: "key"; keyId: string };

/** The personal organization's id is derived from the user's: one per user, found without a query. */
export function personalOrganizationId(userId: string): string {
  return `personal_${userId}`;
}

export function isPersonal(organization: { metadata?: unknown }): boolean {
  const metadata =
    typeof organization.metadata === "string" ? safeJson(organization.metadata) : (organization.metadata ?? {});
  return (metadata as { personal?: unknown } | null)?.personal === true;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function createPersonalOrganization(db: Db, user: { id: string; name: string }): Promise<void> {
  const id = personalOrganizationId(user.id);
  await db.$transaction([
    db.organization.create({
      data: { id, name: user.name, slug: `personal-${user.id.toLowerCase()}`, metadata: '{"personal":true}' },
    }),
    db.member.create({ data: { id: `member_${user.id}`, organizationId: id, userId: user.id, role: "owner" } }),
  ]);
}

export function organizationPlugin(config: AuthConfig) {
  const announce = (change: AccessChange) => config.onAccessChange?.(change);
  return organization({
    ac,
    roles: ROLES,
    creatorRole: "owner",
    teams: { enabled: true, defaultTeam: { enabled: false } },
    invitationExpiresIn: (config.invitationExpiresHours ?? 48) * HOUR_SECONDS,
    invitationLimit: 100,
    cancelPendingInvitationsOnReInvite: true,
    requireEmailVerificationOnInvitation: true,
    sendInvitationEmail: async ({ id, email, organization: org, inviter, role }) => {
      const url = `${config.baseURL}/accept-invitation/${encodeURIComponent(id)}`;
      await config.mailer.send(invitationMail(email, inviter.user.name, org.name, role, url));
    },
    organizationHooks: {
      beforeCreateInvitation: async ({ organization: org }) => {
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
      // The logo is set by the API once it has checked the uploaded image, never by a client.
      beforeUpdateOrganization: async ({ organization: changes }) => {
        if ("logo" in (changes ?? {})) {
          throw new APIError("BAD_REQUEST", {
            message: "Upload the logo through the API (POST /api/v1/organization/logo)",
          });
        }
      },
      beforeDeleteOrganization: async ({ organization: org }) => {
        if (isPersonal(org)) {
          throw new APIError("BAD_REQUEST", { message: "A personal organization goes only with its account" });
        }
      },
      afterDeleteOrganization: async ({ organization: org }) => {
        const keys = await config.db.apikey.findMany({ where: { referenceId: org.id }, select: { id: true } });
        await config.db.apikey.deleteMany({ where: { referenceId: org.id } });
        await announce({ kind: "organization", organizationId: org.id });
        for (const key of keys) await announce({ kind: "key", keyId: key.id });
      },
      afterRemoveMember: async ({ member }) => {
        await announce({ kind: "member", organizationId: member.organizationId, userId: member.userId });
      },
      afterUpdateMemberRole: async ({ member }) => {
        await announce({ kind: "member", organizationId: member.organizationId, userId: member.userId });
      },
    },
  });
}
