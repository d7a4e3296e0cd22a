// Tasks, owner-scoped: another user's task is NOT_FOUND, never FORBIDDEN.
import { taskSelect } from "@acme/db";
import { createTaskInput, listTasksInput, taskIdInput, updateTaskInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { notFound } from "../errors";
import { authedProcedure } from "../trpc";
import { deletedOutput, taskOutput, taskPageOutput } from "./schemas";
import { listTasks } from "./task-list";

const read = authedProcedure.meta({ scopes: ["tasks:read"] });
const write = authedProcedure.meta({ scopes: ["tasks:write"] });
const tags = ["tasks"];

export const tasksRouter = {
  list: read
    .meta({ openapi: { method: "GET", path: "/tasks", protect: true, tags, summary: "List your tasks" } })
    .input(listTasksInput)
    .output(taskPageOutput)
    .query(async ({ ctx, input }) => {
      const { items, total } = await listTasks(ctx.db, { ownerId: ctx.principal.userId, ...input });
      return {
        items,
        total,
        page: input.page,
        pageSize: input.pageSize,
        totalPages: Math.ceil(total / input.pageSize),
      };
    }),

  byId: read
    .meta({ openapi: { method: "GET", path: "/tasks/{id}", protect: true, tags, summary: "Get a task" } })
    .input(taskIdInput)
    .output(taskOutput)
    .query(async ({ ctx, input }) => {
      const task = await ctx.db.task.findFirst({
        where: { id: input.id, ownerId: ctx.principal.userId },
        select: taskSelect,
      });
      if (!task) throw notFound("Task");
      return task;
    }),

  create: write
    .meta({ openapi: { method: "POST", path: "/tasks", protect: true, tags, summary: "Create a task" } })
    .input(createTaskInput)
    .output(taskOutput)
    .mutation(({ ctx, input }) =>
      ctx.db.task.create({ data: { ...input, ownerId: ctx.principal.userId }, select: taskSelect }),
    ),

  update: write
    .meta({ openapi: { method: "PATCH", path: "/tasks/{id}", protect: true, tags, summary: "Update a task" } })
    .input(updateTaskInput)
    .output(taskOutput)
    .mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      // One statement, scoped to the owner: no read-then-write race.
      const { count } = await ctx.db.task.updateMany({ where: { id, ownerId: ctx.principal.userId }, data: changes });
      if (count === 0) throw notFound("Task");
      return ctx.db.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
    }),

  delete: write
    .meta({ openapi: { method: "DELETE", path: "/tasks/{id}", protect: true, tags, summary: "Delete a task" } })
    .input(taskIdInput)
    .output(deletedOutput)
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.task.deleteMany({ where: { id: input.id, ownerId: ctx.principal.userId } });
      if (count === 0) throw notFound("Task");
      return { id: input.id, deleted: true };
    }),
} satisfies TRPCRouterRecord;
