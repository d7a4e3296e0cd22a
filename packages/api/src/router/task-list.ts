// One page of an organization's tasks and the total, in one round trip. tasks.list
// is the hottest read: it runs as plain SQL on the pool (Prisma's runtime cost more
// than the query; bench/README.md), with a window count instead of a second query.
import { type Db, sqlRows } from "@acme/db";
import { countQuery, type PageRow, pageQuery, type TaskFilters, type TaskListRow, taskFromRow } from "./task-list-sql";

export async function listTasks(
  db: Db,
  params: TaskFilters & { organizationId: string; page: number; pageSize: number },
): Promise<{ items: TaskListRow[]; total: number }> {
  const { organizationId, page, pageSize, ...filters } = params;
  const offset = (page - 1) * pageSize;
  const query = pageQuery(organizationId, filters, pageSize, offset);
  const rows = await sqlRows<PageRow>(db, query.text, query.values);
  if (rows.length > 0 || offset === 0) {
    return { items: rows.map(taskFromRow), total: Number(rows[0]?.total ?? 0) };
  }
  // Past the last page the window has no row to ride on.
  const count = countQuery(organizationId, filters);
  const [row] = await sqlRows<{ total: string }>(db, count.text, count.values);
  return { items: [], total: Number(row?.total ?? 0) };
}
