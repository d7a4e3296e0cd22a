// Reading the platform's users: the list (admin.users.list) and one user in full
// (admin.users.get): profile, sessions, the keys they made, their organizations and
// roles, and the newest audit events by or about them.
import { summarizeKey } from "@acme/auth";
import { isPersonal } from "@acme/auth/personal";
import type { Prisma } from "@acme/db";
import { API_KEY_SCOPES, listUsersInput, userIdInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../../context";
import { notFound } from "../../errors";
import { PLATFORM_TENANT } from "../../pagination/keyset";
import { readPage } from "../../pagination/page";
import { pageOutput } from "../schemas";
import { adminRead, tags } from "./procedures";
import { USER_LISTS, userFromRow, userOutput, withBanInForce } from "./user-list";

const RECENT = 25;

const detailOutput = z.object({
  user: userOutput.extend({ twoFactorEnabled: z.boolean(), image: z.string().nullable() }),
  sessions: z.array(
    z.object({
      id: z.string(),
      createdAt: z.date(),
      expiresAt: z.date(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
      impersonatedBy: z.string().nullable(),
    }),
  ),
  apiKeys: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      start: z.string().nullable(),
      organizationId: z.string(),
      scopes: z.array(z.enum(API_KEY_SCOPES)),
      createdAt: z.date(),
      lastUsedAt: z.date().nullable(),
      expiresAt: z.date().nullable(),
      revokedAt: z.date().nullable(),
    }),
  ),
  organizations: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), personal: z.boolean() })),
  events: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      at: z.date(),
      actorUserId: z.string().nullable(),
      impersonatorId: z.string().nullable(),
      organizationId: z.string().nullable(),
      ip: z.string().nullable(),
    }),
  ),
});

async function recentEvents(ctx: Context, userId: string) {
  const select = {
    id: true,
    action: true,
    createdAt: true,
    actorUserId: true,
    impersonatorId: true,
    organizationId: true,
    ip: true,
  } as const;
  const newest: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const [by, about] = await Promise.all([
    ctx.db.auditEvent.findMany({ where: { actorUserId: userId }, orderBy: newest, take: RECENT, select }),
    ctx.db.auditEvent.findMany({ where: { targetId: userId }, orderBy: newest, take: RECENT, select }),
  ]);
  const unique = new Map([...by, ...about].map((event) => [event.id, event]));
  return [...unique.values()]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, RECENT)
    .map(({ createdAt, ...event }) => ({ ...event, at: createdAt }));
}

export const adminUsersRead = {
  list: adminRead
    .meta({ openapi: { method: "GET", path: "/admin/users", protect: true, tags, summary: "List users" } })
    .input(listUsersInput)
    .output(pageOutput(userOutput))
    .query(({ ctx, input }) => {
      const { sort, ...request } = input;
      return readPage(ctx, USER_LISTS[sort], PLATFORM_TENANT, request, userFromRow);
    }),

  get: adminRead
    .meta({ openapi: { method: "GET", path: "/admin/users/{id}", protect: true, tags, summary: "A user in full" } })
    .input(userIdInput)
    .output(detailOutput)
    .query(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUnique({ where: { id: input.id } });
      if (!user) throw notFound("User");
      const [sessions, keys, members, events] = await Promise.all([
        ctx.db.session.findMany({
          where: { userId: user.id, expiresAt: { gt: new Date() } },
          orderBy: { updatedAt: "desc" },
          take: 100,
        }),
        ctx.db.apikey.findMany({
          where: { metadata: { contains: `"createdById":${JSON.stringify(user.id)}` } },
          orderBy: { createdAt: "desc" },
          take: 100,
        }),
        ctx.db.member.findMany({
          where: { userId: user.id },
          select: { role: true, organization: { select: { id: true, name: true } } },
          take: 100,
        }),
        recentEvents(ctx, user.id),
      ]);
      return {
        user: withBanInForce(user),
        sessions: sessions.map((s) => ({
          id: s.id,
          createdAt: s.createdAt,
          expiresAt: s.expiresAt,
          ipAddress: s.ipAddress,
          userAgent: s.userAgent,
          impersonatedBy: s.impersonatedBy,
        })),
        apiKeys: keys.map((key) => ({ ...summarizeKey(key), organizationId: key.referenceId })),
        organizations: members.map(({ role, organization }) => ({
          id: organization.id,
          name: organization.name,
          role,
          personal: isPersonal(organization),
        })),
        events,
      };
    }),
} satisfies TRPCRouterRecord;
