// The SQL behind tasks.list and how its rows decode, on their own (no database
// client imported) so the benchmark's raw-pg baseline runs exactly the same
// statement and work (bench/src/servers/raw-pg.ts).
import type { TaskStatusValue } from "@acme/validators";

// Timestamps travel as epoch milliseconds (truncated, as Prisma reads them): an
// int8 is cheaper to write for Postgres and to read for pg than timestamptz text.
const COLUMNS = `id::text, title, description, status::text AS status,
  floor(extract(epoch FROM created_at) * 1000)::int8 AS "createdAt",
  floor(extract(epoch FROM updated_at) * 1000)::int8 AS "updatedAt", count(*) OVER () AS total`;
const ORDER = "ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3";
export const PAGE = `SELECT ${COLUMNS} FROM api.tasks WHERE owner_id = $1 ${ORDER}`;
export const PAGE_WITH_STATUS = `SELECT ${COLUMNS} FROM api.tasks
  WHERE owner_id = $1 AND status = $4::api."TaskStatus" ${ORDER}`;
export const COUNT = `SELECT count(*) AS total FROM api.tasks WHERE owner_id = $1`;
export const COUNT_WITH_STATUS = `${COUNT} AND status = $2::api."TaskStatus"`;

export interface TaskListRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatusValue;
  createdAt: Date;
  updatedAt: Date;
}

/** A row of PAGE as pg hands it over: int8 columns arrive as strings. */
export type PageRow = Omit<TaskListRow, "createdAt" | "updatedAt"> & {
  createdAt: string;
  updatedAt: string;
  total: string;
};

export function taskFromRow({ id, title, description, status, createdAt, updatedAt }: PageRow): TaskListRow {
  return {
    id,
    title,
    description,
    status,
    createdAt: new Date(Number(createdAt)),
    updatedAt: new Date(Number(updatedAt)),
  };
}
