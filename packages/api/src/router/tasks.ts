// Tasks, scoped to the caller's organization: another organization's task is
// NOT_FOUND, never FORBIDDEN. Members delete their own tasks; `task:manage`
// (admins, owners, keys with tasks:write) deletes anyone's.
import { taskSelect } from "@acme/db";
import { createTaskInput, listTasksInput, taskIdInput, updateTaskInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { auditInput, recordAuditIn } from "../audit";
import { notFound } from "../errors";
import { allows } from "../middleware/auth";
import { readPage } from "../pagination/page";
import { authedProcedure } from "../trpc";
import { deletedOutput, pageOutput, taskOutput } from "./schemas";
import { checkAssignment } from "./task-assignment";
import { TASKS, taskFromRow } from "./task-list-sql";

const tags = ["tasks"];

export const tasksRouter = {
  list: authedProcedure
    .meta({
      permission: "task:read",
      openapi: { method: "GET", path: "/tasks", protect: true, tags, summary: "List the organization's tasks" },
    })
    .input(listTasksInput)
    .output(pageOutput(taskOutput))
    .query(({ ctx, input }) => readPage(ctx, TASKS, ctx.principal.organizationId, input, taskFromRow)),

  byId: authedProcedure
    .meta({
      permission: "task:read",
      openapi: { method: "GET", path: "/tasks/{id}", protect: true, tags, summary: "Get a task" },
    })
    .input(taskIdInput)
    .output(taskOutput)
    .query(async ({ ctx, input }) => {
      const task = await ctx.db.task.findFirst({
        where: { id: input.id, organizationId: ctx.principal.organizationId },
        select: taskSelect,
      });
      if (!task) throw notFound("Task");
      return task;
    }),

  create: authedProcedure
    .meta({
      permission: "task:create",
      openapi: { method: "POST", path: "/tasks", protect: true, tags, summary: "Create a task" },
    })
    .input(createTaskInput)
    .output(taskOutput)
    .mutation(async ({ ctx, input }) => {
      const { organizationId, userId } = ctx.principal;
      await checkAssignment(ctx.db, organizationId, input);
      return ctx.db.task.create({ data: { ...input, organizationId, createdById: userId }, select: taskSelect });
    }),

  update: authedProcedure
    .meta({
      permission: "task:update",
      openapi: { method: "PATCH", path: "/tasks/{id}", protect: true, tags, summary: "Update a task" },
    })
    .input(updateTaskInput)
    .output(taskOutput)
    .mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      const { organizationId } = ctx.principal;
      await checkAssignment(ctx.db, organizationId, changes);
      // One statement, scoped to the organization: no read-then-write race.
      const { count } = await ctx.db.task.updateMany({ where: { id, organizationId }, data: changes });
      if (count === 0) throw notFound("Task");
      return ctx.db.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
    }),

  delete: authedProcedure
    .meta({
      permission: "task:delete",
      openapi: { method: "DELETE", path: "/tasks/{id}", protect: true, tags, summary: "Delete a task" },
    })
    .input(taskIdInput)
    .output(deletedOutput)
    .mutation(async ({ ctx, input }) => {
      const { organizationId, userId } = ctx.principal;
      const own = allows(ctx.principal, "task:manage") ? {} : { createdById: userId };
      const principal = ctx.principal;
      await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.task.deleteMany({ where: { id: input.id, organizationId, ...own } });
        if (count === 0) throw notFound("Task");
        await recordAuditIn(
          tx,
          auditInput(ctx, principal, { action: "task.deleted", targetType: "task", targetId: input.id }),
        );
      });
      return { id: input.id, deleted: true };
    }),
} satisfies TRPCRouterRecord;
