// One page of an organization's tasks. tasks.list is the hottest read: it runs as
// plain SQL on the pool (Prisma's runtime cost more than the query; bench/README.md),
// by keyset, with the first page's total read from the maintained counters in the
// same statement.
import type { Db } from "@acme/db";
import type { CursorCodec } from "../pagination/cursor";
import { type Page, readPage } from "../pagination/page";
import { type PageRow, TASKS, type TaskFilters, type TaskListRow, taskFromRow } from "./task-list-sql";

export function listTasks(
  deps: { db: Db; cursors: CursorCodec },
  organizationId: string,
  input: TaskFilters & { cursor?: string; limit: number },
): Promise<Page<TaskListRow>> {
  return readPage<PageRow, TaskListRow>(deps, TASKS, organizationId, input, taskFromRow);
}
