// The SQL behind tasks.list and how its rows decode, on their own (no database
// client imported) so the benchmark's raw-pg baseline runs exactly the same
// statements and work (bench/src/servers/raw-pg.ts).
import type { TaskStatusValue } from "@acme/validators";
import { defineList, type ListSpec, millis } from "../pagination/keyset";

// Timestamps travel as epoch milliseconds (truncated, as Prisma reads them), like
// every list's (`millis`): cheaper for Postgres to write and for pg to read than
// timestamptz text. The total comes from the counters kept by triggers on api.tasks.
export const TASKS: ListSpec = defineList({
  name: "tasks",
  table: "api.tasks",
  tenantColumn: "organization_id",
  columns: `id::text, title, description, status::text AS status,
  assignee_id AS "assigneeId", team_id AS "teamId", created_by_id AS "createdById",
  ${millis("created_at", "createdAt")}, ${millis("updated_at", "updatedAt")}`,
  order: "newest",
  idType: "uuid",
  filters: {
    status: 'status = $?::api."TaskStatus"',
    assigneeId: "assignee_id = $?",
    teamId: "team_id = $?",
    createdFrom: "created_at >= $?::timestamptz",
    createdTo: "created_at < $?::timestamptz",
  },
  // Kept by triggers on api.tasks (migration 20261127161529_lists_at_scale).
  counts: {
    table: "api.task_counts",
    tenantColumn: "organization_id",
    filters: { status: 'status = $?::api."TaskStatus"', teamId: "team_id = $?" },
  },
});

export interface TaskFilters {
  status?: TaskStatusValue;
  assigneeId?: string;
  teamId?: string;
  createdFrom?: string;
  createdTo?: string;
}

export interface TaskListRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatusValue;
  assigneeId: string | null;
  teamId: string | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A row of the page query as pg hands it over: int8 columns arrive as strings. */
export type PageRow = Omit<TaskListRow, "createdAt" | "updatedAt"> & {
  createdAt: string;
  updatedAt: string;
  _key: string;
};

export function taskFromRow(row: PageRow): TaskListRow {
  const { id, title, description, status, assigneeId, teamId, createdById, createdAt, updatedAt } = row;
  return {
    id,
    title,
    description,
    status,
    assigneeId,
    teamId,
    createdById,
    createdAt: new Date(Number(createdAt)),
    updatedAt: new Date(Number(updatedAt)),
  };
}
