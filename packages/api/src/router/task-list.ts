// One page of a user's tasks and the total, in one round trip. tasks.list is the
// hottest read: it runs as plain SQL on the pool (Prisma's runtime cost more than
// the query; bench/README.md), with a window count instead of a second query.
import { type Db, sqlRows } from "@acme/db";
import type { TaskStatusValue } from "@acme/validators";
import { COUNT, COUNT_WITH_STATUS, PAGE, PAGE_WITH_STATUS } from "./task-list-sql";

export interface TaskListRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatusValue;
  createdAt: Date;
  updatedAt: Date;
}

/** A row as pg hands it over: int8 columns arrive as strings. */
type PageRow = Omit<TaskListRow, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string; total: string };

export async function listTasks(
  db: Db,
  params: { ownerId: string; status?: TaskStatusValue; page: number; pageSize: number },
): Promise<{ items: TaskListRow[]; total: number }> {
  const offset = (params.page - 1) * params.pageSize;
  const values = [params.ownerId, params.pageSize, offset];
  const rows = params.status
    ? await sqlRows<PageRow>(db, PAGE_WITH_STATUS, [...values, params.status])
    : await sqlRows<PageRow>(db, PAGE, values);
  if (rows.length > 0 || offset === 0) {
    const total = Number(rows[0]?.total ?? 0);
    const items = rows.map(({ id, title, description, status, createdAt, updatedAt }) => ({
      id,
      title,
      description,
      status,
      createdAt: new Date(Number(createdAt)),
      updatedAt: new Date(Number(updatedAt)),
    }));
    return { items, total };
  }
  // Past the last page the window has no row to ride on.
  const [count] = params.status
    ? await sqlRows<{ total: string }>(db, COUNT_WITH_STATUS, [params.ownerId, params.status])
    : await sqlRows<{ total: string }>(db, COUNT, [params.ownerId]);
  return { items: [], total: Number(count?.total ?? 0) };
}
