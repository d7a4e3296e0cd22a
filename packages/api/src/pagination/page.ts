// Reads one page of any list: decodes the cursor (400 when it is not this list's,
// this tenant's and this query's), runs the keyset query, signs the next cursor,
// and on the first page only adds the total: exact from a maintained counter when
// the list has one for these filters, else exact up to COUNT_CAP ("10,000+").
import { type Db, sqlRows } from "@acme/db";
import type { CursorCodec, CursorScope } from "./cursor";
import { type Condition, cappedCountQuery, type ListSpec, pageQuery } from "./keyset";

export const COUNT_CAP = 10_000;

export interface Total {
  count: number;
  /** false: there are more than `count` (the cap). */
  exact: boolean;
}

export interface Page<Item> {
  items: Item[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** On the first page (no cursor); null on the pages after it. */
  total: Total | null;
}

export interface PageRequest {
  cursor?: string;
  limit: number;
  /** The query's filters as the caller gave them: they scope its cursors. */
  filters: Record<string, unknown>;
  /** The same filters as SQL. */
  conditions: readonly Condition[];
}

export interface PageDeps {
  db: Db;
  cursors: CursorCodec;
}

interface KeyedRow {
  _key: string;
  id: string;
}

export async function readPage<Row extends KeyedRow, Item>(
  deps: PageDeps,
  spec: ListSpec,
  tenantId: string,
  request: PageRequest,
  toItem: (row: Row) => Item,
  /** An exact count without reading the rows (a maintained counter), or null when it has none for these filters. */
  counted?: () => Promise<number | null>,
): Promise<Page<Item>> {
  const scope: CursorScope = { list: spec.name, tenantId, filters: request.filters };
  const after = request.cursor ? deps.cursors.decode(scope, request.cursor) : null;
  const query = pageQuery(spec, tenantId, request.conditions, after, request.limit);
  const [rows, total] = await Promise.all([
    sqlRows<Row>(deps.db, query.text, query.values),
    after ? null : countRows(deps.db, spec, tenantId, request.conditions, counted),
  ]);
  const more = rows.length > request.limit;
  if (more) rows.length = request.limit;
  const last = rows.at(-1);
  return {
    items: rows.map(toItem),
    nextCursor: more && last ? deps.cursors.encode(scope, [last._key, last.id]) : null,
    total,
  };
}

async function countRows(
  db: Db,
  spec: ListSpec,
  tenantId: string,
  conditions: readonly Condition[],
  counted?: () => Promise<number | null>,
): Promise<Total> {
  const exact = counted ? await counted() : null;
  if (exact !== null) return { count: exact, exact: true };
  const query = cappedCountQuery(spec, tenantId, conditions, COUNT_CAP);
  const [row] = await sqlRows<{ n: number }>(db, query.text, query.values);
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count: n, exact: true };
}
