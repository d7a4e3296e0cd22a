// The SQL behind tasks.list and how its rows decode, on their own (no database
// client imported) so the benchmark's raw-pg baseline runs exactly the same
// statement and work (bench/src/servers/raw-pg.ts).
import type { TaskStatusValue } from "@acme/validators";

// Timestamps travel as epoch milliseconds (truncated, as Prisma reads them): an
// int8 is cheaper to write for Postgres and to read for pg than timestamptz text.
const COLUMNS = `id::text, title, description, status::text AS status,
  assignee_id AS "assigneeId", team_id AS "teamId", created_by_id AS "createdById",
  floor(extract(epoch FROM created_at) * 1000)::int8 AS "createdAt",
  floor(extract(epoch FROM updated_at) * 1000)::int8 AS "updatedAt", count(*) OVER () AS total`;
const ORDER = "ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3";
/** The unfiltered page of an organization's tasks ($1 organization, $2 limit, $3 offset). */
export const PAGE = `SELECT ${COLUMNS} FROM api.tasks WHERE organization_id = $1 ${ORDER}`;

export interface TaskFilters {
  status?: TaskStatusValue;
  assigneeId?: string;
  teamId?: string;
}

const FILTER_COLUMNS = [
  ["status", 'status = $N::api."TaskStatus"'],
  ["assigneeId", "assignee_id = $N"],
  ["teamId", "team_id = $N"],
] as const;

/** The WHERE clause for the filters given, numbering their parameters from `first`. */
function where(filters: TaskFilters, first: number): { clause: string; values: string[] } {
  let clause = "organization_id = $1";
  const values: string[] = [];
  for (const [name, condition] of FILTER_COLUMNS) {
    const value = filters[name];
    if (value === undefined) continue;
    clause += ` AND ${condition.replace("$N", `$${first + values.length}`)}`;
    values.push(value);
  }
  return { clause, values };
}

export function pageQuery(organizationId: string, filters: TaskFilters, limit: number, offset: number) {
  const { clause, values } = where(filters, 4);
  return {
    text: `SELECT ${COLUMNS} FROM api.tasks WHERE ${clause} ${ORDER}`,
    values: [organizationId, limit, offset, ...values],
  };
}

export function countQuery(organizationId: string, filters: TaskFilters) {
  const { clause, values } = where(filters, 2);
  return { text: `SELECT count(*) AS total FROM api.tasks WHERE ${clause}`, values: [organizationId, ...values] };
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

/** A row of PAGE as pg hands it over: int8 columns arrive as strings. */
export type PageRow = Omit<TaskListRow, "createdAt" | "updatedAt"> & {
  createdAt: string;
  updatedAt: string;
  total: string;
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
