import type { TaskStatusValue } from "@acme/validators/constants";

export const STATUS_LABEL: Record<TaskStatusValue, string> = {
  pending: "To do",
  in_progress: "In progress",
  completed: "Done",
};
