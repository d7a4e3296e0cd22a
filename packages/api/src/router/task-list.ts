// One page of an organization's tasks. tasks.list is the hottest read: it runs as
// plain SQL on the pool (Prisma's runtime cost more than the query; bench/README.md),
// by keyset, with the first page's total read from the maintained counters.
import { type Db, sqlRows } from "@acme/db";
import type { CursorCodec } from "../pagination/cursor";
import { type Page, readPage } from "../pagination/page";
import { type PageRow, TASKS, type TaskFilters, type TaskListRow, taskCountQuery, taskFromRow } from "./task-list-sql";

export async function listTasks(
  deps: { db: Db; cursors: CursorCodec },
  organizationId: string,
  input: TaskFilters & { cursor?: string; limit: number },
): Promise<Page<TaskListRow>> {
  const counter = taskCountQuery(organizationId, input);
  const counted = counter
    ? async () => Number((await sqlRows<{ n: string }>(deps.db, counter.text, counter.values))[0]?.n ?? 0)
    : undefined;
  return readPage<PageRow, TaskListRow>(deps, TASKS, organizationId, input, taskFromRow, counted);
}
