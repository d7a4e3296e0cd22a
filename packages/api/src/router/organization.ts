// The caller's organization: read it, delete it, set its logo. Its members, teams
// and invitations are listed in organization-lists.ts.
import { isPersonal } from "@acme/auth/personal";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit";
import { authedProcedure } from "../trpc";
import { logoRouter, logoUrl } from "./organization-logo";
import { purgeOrganization } from "./organization-purge";
import { organizationOutput } from "./schemas";

const tags = ["organization"];

/** Deletes the caller's organization with its rows and stored objects (owners only; not a personal one). */
export const deleteOrganization = authedProcedure
  .meta({
    permission: "organization:delete",
    openapi: {
      method: "DELETE",
      path: "/organization",
      protect: true,
      tags,
      summary: "Delete the organization, its rows and files",
    },
  })
  .input(z.object({ confirm: z.string().max(200) }))
  .output(z.object({ id: z.string(), deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const { organizationId } = ctx.principal;
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    if (isPersonal(org)) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "A personal organization goes only with its account" });
    }
    if (input.confirm !== org.name) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Type the organization's name to confirm" });
    }
    await purgeOrganization(ctx, organizationId);
    // The organization's chain outlives it: its history stays verifiable.
    await audit(ctx, ctx.principal, {
      action: "organization.deleted",
      targetType: "organization",
      targetId: organizationId,
      metadata: { name: org.name },
    });
    return { id: organizationId, deleted: true as const };
  });

export const organizationRouter = {
  current: authedProcedure
    .meta({
      permission: "organization:read",
      openapi: { method: "GET", path: "/organization", protect: true, tags, summary: "The caller's organization" },
    })
    .input(z.void())
    .output(organizationOutput)
    .query(async ({ ctx }) => {
      const org = await ctx.db.organization.findUniqueOrThrow({
        where: { id: ctx.principal.organizationId },
        select: { id: true, name: true, slug: true, logo: true, metadata: true, createdAt: true },
      });
      const { metadata: _metadata, logo, ...rest } = org;
      return {
        ...rest,
        logoUrl: await logoUrl(ctx, org.id, logo),
        personal: isPersonal(org),
        role: ctx.principal.role,
      };
    }),
  delete: deleteOrganization,
  ...logoRouter,
} satisfies TRPCRouterRecord;
