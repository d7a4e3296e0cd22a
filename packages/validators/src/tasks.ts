import { TASK_STATUSES } from "./constants";
import { instant, listInput } from "./pagination";
import { storedText } from "./text";
import "./zod-setup";
import { z } from "zod";

export const taskStatusSchema = z.enum(TASK_STATUSES);

export const taskTitle = storedText().trim().min(1, "Title is required").max(255, "At most 255 characters");
export const taskDescription = storedText().max(5000, "At most 5000 characters");

export const taskIdInput = z.object({ id: z.uuid("Not a task id") });

/** A member's user id or a team's id in the caller's organization; null clears it. */
const memberRef = z.string().min(1).max(64);

export const createTaskInput = z.object({
  title: taskTitle,
  description: taskDescription.optional(),
  status: taskStatusSchema.default("pending"),
  assigneeId: memberRef.nullable().optional(),
  teamId: memberRef.nullable().optional(),
});

export const updateTaskInput = z
  .object({
    id: z.uuid("Not a task id"),
    title: taskTitle.optional(),
    description: taskDescription.nullable().optional(),
    status: taskStatusSchema.optional(),
    assigneeId: memberRef.nullable().optional(),
    teamId: memberRef.nullable().optional(),
  })
  .refine((value) => Object.entries(value).some(([key, field]) => key !== "id" && field !== undefined), {
    message: "Nothing to update",
  });

export const listTasksInput = listInput({
  status: taskStatusSchema.optional(),
  assigneeId: memberRef.optional(),
  teamId: memberRef.optional(),
  /** Created at or after this instant. */
  createdFrom: instant.optional(),
  /** Created before this instant. */
  createdTo: instant.optional(),
});

export type CreateTaskInput = z.input<typeof createTaskInput>;
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
export type ListTasksInput = z.input<typeof listTasksInput>;
