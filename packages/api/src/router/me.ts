import { z } from "zod";
import { authedProcedure } from "../trpc";
import { meOutput } from "./schemas";

export const me = authedProcedure
  .meta({
    permission: "none",
    openapi: { method: "GET", path: "/me", protect: true, tags: ["me"], summary: "Who is calling" },
  })
  .input(z.void())
  .output(meOutput)
  .query(({ ctx }) => ({
    userId: ctx.principal.userId,
    organizationId: ctx.principal.organizationId,
    role: ctx.principal.role,
    method: ctx.principal.method,
    scopes: [...ctx.principal.scopes],
    keyId: ctx.principal.keyId ?? null,
    email: ctx.principal.email ?? null,
    name: ctx.principal.name ?? null,
    requestId: ctx.requestId,
  }));
