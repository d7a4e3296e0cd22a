// Every organization on the platform: the list (owner, members, created), newest first
// or by name, and one organization in detail with its members and what it holds.
import { isPersonal } from "@acme/auth/personal";
import { listInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { notFound } from "../../errors";
import { defineList, type ListSpec, millis, PLATFORM_SCOPE, PLATFORM_TENANT } from "../../pagination/keyset";
import { readPage } from "../../pagination/page";
import { pageOutput } from "../schemas";
import { adminRead, tags } from "./procedures";

const COLUMNS = `id, name, slug, ${millis("created_at", "createdAt")},
  starts_with(id, 'personal_') AS personal,
  (SELECT u.email FROM auth.members m JOIN auth.users u ON u.id = m.user_id
    WHERE m.organization_id = organizations.id AND m.role = 'owner' ORDER BY m.created_at LIMIT 1) AS "ownerEmail",
  (SELECT count(*) FROM auth.members m WHERE m.organization_id = organizations.id)::int AS members`;

const FILTERS = {
  q: "strpos(lower(name) || ' ' || lower(slug), lower($?::text)) > 0",
  kind: "starts_with(id, 'personal_') = ($?::text = 'personal')",
};

const orgsBy = (name: string, order: ListSpec["order"]) =>
  defineList({
    name,
    table: "auth.organizations",
    tenantColumn: PLATFORM_SCOPE,
    columns: COLUMNS,
    order,
    idType: "text",
    filters: FILTERS,
    scans: Object.keys(FILTERS),
  });

const ORG_LISTS = { newest: orgsBy("adminOrganizations", "newest"), name: orgsBy("adminOrganizations.name", "name") };

interface OrgRow {
  _key: string;
  id: string;
  name: string;
  slug: string;
  createdAt: string;
  personal: boolean;
  ownerEmail: string | null;
  members: number;
}

const orgOutput = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  createdAt: z.date(),
  personal: z.boolean(),
  ownerEmail: z.string().nullable(),
  members: z.number().int(),
});

const listOrganizationsInput = listInput({
  q: z.string().trim().min(1).max(100).optional().describe("Part of the name or slug"),
  kind: z.enum(["personal", "shared"]).optional(),
  sort: z.enum(["newest", "name"]).default("newest"),
});

const detailOutput = z.object({
  organization: orgOutput.omit({ ownerEmail: true, members: true }),
  members: z.array(
    z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.string(), joinedAt: z.date() }),
  ),
  counts: z.object({
    members: z.number().int(),
    teams: z.number().int(),
    tasks: z.number().int(),
    files: z.number().int(),
    apiKeys: z.number().int(),
  }),
});

export const adminOrganizations = {
  list: adminRead
    .meta({
      openapi: { method: "GET", path: "/admin/organizations", protect: true, tags, summary: "List organizations" },
    })
    .input(listOrganizationsInput)
    .output(pageOutput(orgOutput))
    .query(({ ctx, input }) => {
      const { sort, ...request } = input;
      return readPage(ctx, ORG_LISTS[sort], PLATFORM_TENANT, request, ({ _key: _k, createdAt, ...row }: OrgRow) => ({
        ...row,
        createdAt: new Date(Number(createdAt)),
      }));
    }),

  get: adminRead
    .meta({
      openapi: { method: "GET", path: "/admin/organizations/{id}", protect: true, tags, summary: "An organization" },
    })
    .input(z.object({ id: z.string().trim().min(1).max(100) }))
    .output(detailOutput)
    .query(async ({ ctx, input }) => {
      const org = await ctx.db.organization.findUnique({ where: { id: input.id } });
      if (!org) throw notFound("Organization");
      const where = { organizationId: org.id };
      const [members, memberCount, teams, tasks, files, apiKeys] = await Promise.all([
        ctx.db.member.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 200,
          select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
        }),
        ctx.db.member.count({ where }),
        ctx.db.team.count({ where }),
        ctx.db.taskCount.aggregate({ where, _sum: { count: true } }),
        ctx.db.storedFile.count({ where }),
        ctx.db.apikey.count({ where: { referenceId: org.id, revokedAt: null } }),
      ]);
      return {
        organization: {
          id: org.id,
          name: org.name,
          slug: org.slug,
          createdAt: org.createdAt,
          personal: isPersonal(org),
        },
        members: members.map(({ user, role, createdAt }) => ({
          userId: user.id,
          email: user.email,
          name: user.name,
          role,
          joinedAt: createdAt,
        })),
        counts: {
          members: memberCount,
          teams,
          tasks: Number(tasks._sum.count ?? 0),
          files,
          apiKeys,
        },
      };
    }),
} satisfies TRPCRouterRecord;
