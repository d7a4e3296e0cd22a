// One page of a user's tasks and the total, in one round trip. tasks.list is the
// hottest read: it runs as plain SQL on the pool (Prisma's runtime cost more than
// the query; bench/README.md), with a window count instead of a second query.
import { type Db, sqlRows } from "@acme/db";
import type { TaskStatusValue } from "@acme/validators";
import {
  COUNT,
  COUNT_WITH_STATUS,
  PAGE,
  PAGE_WITH_STATUS,
  type PageRow,
  type TaskListRow,
  taskFromRow,
} from "./task-list-sql";

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
    return { items: rows.map(taskFromRow), total };
  }
  // Past the last page the window has no row to ride on.
  const [count] = params.status
    ? await sqlRows<{ total: string }>(db, COUNT_WITH_STATUS, [params.ownerId, params.status])
    : await sqlRows<{ total: string }>(db, COUNT, [params.ownerId]);
  return { items: [], total: Number(count?.total ?? 0) };
}
