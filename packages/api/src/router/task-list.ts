// One page of a user's tasks and the total, in one round trip. tasks.list is the
// hottest read, and each Prisma query costs far more than its SQL: a window
// count over the same filter replaces the second (count) query.
import { type Db, Prisma } from "@acme/db";
import type { TaskStatusValue } from "@acme/validators";

export interface TaskListRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatusValue;
  createdAt: Date;
  updatedAt: Date;
}

export async function listTasks(
  db: Db,
  params: { ownerId: string; status?: TaskStatusValue; page: number; pageSize: number },
): Promise<{ items: TaskListRow[]; total: number }> {
  const statusFilter = params.status ? Prisma.sql`AND status = ${params.status}::api."TaskStatus"` : Prisma.empty;
  const offset = (params.page - 1) * params.pageSize;
  const rows = await db.$queryRaw<(TaskListRow & { total: bigint })[]>`
    SELECT id::text, title, description, status::text AS status,
           created_at AS "createdAt", updated_at AS "updatedAt", count(*) OVER () AS total
    FROM api.tasks
    WHERE owner_id = ${params.ownerId} ${statusFilter}
    ORDER BY created_at DESC, id DESC
    LIMIT ${params.pageSize} OFFSET ${offset}`;
  if (rows.length > 0 || offset === 0) {
    const total = Number(rows[0]?.total ?? 0);
    return { items: rows.map(({ total: _total, ...task }) => task), total };
  }
  // Past the last page the window has no row to ride on.
  const total = await db.task.count({
    where: { ownerId: params.ownerId, ...(params.status ? { status: params.status } : {}) },
  });
  return { items: [], total };
}
