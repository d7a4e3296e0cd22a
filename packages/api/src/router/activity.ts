// Audit events as their subjects see them. `activity.list`: the caller's own security
// activity (their sign-ins and the changes they made; failed sign-ins name no user), newest
// first, a page at a time. Organization and platform views come with the admin console.
import { pageInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { defineList, millis } from "../pagination/keyset";
import { readPage } from "../pagination/page";
import { sessionProcedure } from "../trpc";
import { pageOutput } from "./schemas";

const MINE = defineList({
  name: "activity",
  table: "api.audit_events",
  tenantColumn: "actor_user_id",
  columns: `id, action, ip, user_agent AS "userAgent", target_type AS "targetType", target_id AS "targetId",
    organization_id AS "organizationId", metadata, ${millis("created_at", "createdAt")}`,
  order: "newest",
  idType: "uuid",
});

interface EventRow {
  _key: string;
  id: string;
  action: string;
  ip: string | null;
  userAgent: string | null;
  targetType: string | null;
  targetId: string | null;
  organizationId: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
}

const eventOutput = z.object({
  id: z.string(),
  action: z.string(),
  at: z.date(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  organizationId: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
});

const ownActivity = sessionProcedure("Your activity is shown to your signed-in sessions, not to API keys");

export const activityRouter = {
  list: ownActivity
    .meta({ permission: "none" })
    .input(pageInput)
    .output(pageOutput(eventOutput))
    .query(({ ctx, input }) =>
      readPage(ctx, MINE, ctx.principal.userId, input, ({ _key: _k, createdAt, ...row }: EventRow) => ({
        ...row,
        at: new Date(Number(createdAt)),
      })),
    ),
} satisfies TRPCRouterRecord;
