// The organization's members, teams and pending invitations, a page at a time:
// readable by every role and by API keys with members:read. Changes to membership
// go through the auth server's organization endpoints (the web app calls them).
import { pageInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { defineList, millis } from "../pagination/keyset";
import { readPage } from "../pagination/page";
import { authedProcedure } from "../trpc";
import { invitationOutput, memberOutput, pageOutput, teamOutput } from "./schemas";

const tags = ["organization"];
const get = (path: `/${string}`, summary: string) => ({ method: "GET" as const, path, protect: true, tags, summary });

/** Oldest first: the owner who created the organization leads. */
const MEMBERS = defineList({
  name: "members",
  table: "auth.members AS m JOIN auth.users AS u ON u.id = m.user_id",
  tenantColumn: "m.organization_id",
  qualifier: "m.",
  columns: `m.id, m.user_id AS "userId", u.name, u.email, m.role, ${millis("m.created_at", "createdAt")}`,
  order: "oldest",
  idType: "text",
});

const TEAMS = defineList({
  name: "teams",
  table: "auth.teams AS t",
  tenantColumn: "t.organization_id",
  qualifier: "t.",
  columns: `t.id, t.name,
    ARRAY(SELECT tm.user_id FROM auth.team_members AS tm WHERE tm.team_id = t.id ORDER BY tm.user_id) AS "memberIds",
    ${millis("t.created_at", "createdAt")}`,
  order: "name",
  idType: "text",
});

const INVITATIONS = defineList({
  name: "invitations",
  table: "auth.invitations",
  tenantColumn: "organization_id",
  columns: `id, email, role, team_id AS "teamId", status, ${millis("expires_at", "expiresAt")}, ${millis("created_at", "createdAt")}`,
  order: "newest",
  idType: "text",
  where: "status = 'pending'",
});

interface Row {
  _key: string;
  _total?: string;
  id: string;
  createdAt: string;
}
type MemberRow = Row & { userId: string; name: string; email: string; role: string };
type TeamRow = Row & { name: string; memberIds: string[] };
type InvitationRow = Row & {
  email: string;
  role: string | null;
  teamId: string | null;
  status: string;
  expiresAt: string;
};

const withDates = <R extends Row>({ _key, _total, createdAt, ...row }: R) => ({
  ...row,
  createdAt: new Date(Number(createdAt)),
});
const invitationFromRow = (row: InvitationRow) => ({ ...withDates(row), expiresAt: new Date(Number(row.expiresAt)) });

export const membersRouter = {
  list: authedProcedure
    .meta({ permission: "member:read", openapi: get("/members", "The organization's members, oldest first") })
    .input(pageInput)
    .output(pageOutput(memberOutput))
    .query(({ ctx, input }) => readPage(ctx, MEMBERS, ctx.principal.organizationId, input, withDates<MemberRow>)),
} satisfies TRPCRouterRecord;

export const teamsRouter = {
  list: authedProcedure
    .meta({ permission: "team:read", openapi: get("/teams", "The organization's teams, by name") })
    .input(pageInput)
    .output(pageOutput(teamOutput))
    .query(({ ctx, input }) => readPage(ctx, TEAMS, ctx.principal.organizationId, input, withDates<TeamRow>)),
} satisfies TRPCRouterRecord;

export const invitationsRouter = {
  list: authedProcedure
    .meta({ permission: "invitation:read", openapi: get("/invitations", "Pending invitations, newest first") })
    .input(pageInput)
    .output(pageOutput(invitationOutput))
    .query(({ ctx, input }) => readPage(ctx, INVITATIONS, ctx.principal.organizationId, input, invitationFromRow)),
} satisfies TRPCRouterRecord;
