import { dataEntrySelect } from "@acme/db";
import { submitDataInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { authedProcedure } from "../trpc";
import { dataEntryOutput } from "./schemas";

export const dataRouter = {
  submit: authedProcedure
    .meta({
      openapi: { method: "POST", path: "/data", protect: true, tags: ["data"], summary: "Store a data entry" },
      permission: "data:create",
    })
    .input(submitDataInput)
    .output(dataEntryOutput)
    .mutation(({ ctx, input }) =>
      ctx.db.dataEntry.create({
        data: {
          organizationId: ctx.principal.organizationId,
          createdById: ctx.principal.userId,
          content: input.content,
        },
        select: dataEntrySelect,
      }),
    ),
} satisfies TRPCRouterRecord;
