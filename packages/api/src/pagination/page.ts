// Reads one page of any list: decodes the cursor (400 when it is not this list's,
// this tenant's and this query's), runs the keyset query, signs the next cursor,
// and on the first page only adds the total: exact from a maintained counter when
// the list has one for these filters, else exact up to COUNT_CAP ("10,000+").
import { type Db, sqlRows } from "@acme/db";
import type { CursorCodec, CursorScope } from "./cursor";
import { type Condition, cappedCountQuery, conditionsOf, type ListSpec, pageQuery } from "./keyset";

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

/** A list's input: the page fields and its filters (named in the list's spec). */
export interface PageRequest {
  cursor?: string;
  limit: number;
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
  const { cursor, limit, ...rest } = request;
  const filters: Record<string, unknown> = rest;
  // The filters scope the cursor: a cursor continues only the query it came from.
  const scope: CursorScope = { list: spec.name, tenantId, filters };
  const after = cursor ? deps.cursors.decode(scope, cursor) : null;
  const conditions = conditionsOf(spec, filters);
  const query = pageQuery(spec, tenantId, conditions, after, limit);
  const [rows, total] = await Promise.all([
    sqlRows<Row>(deps.db, query.text, query.values),
    after ? null : countRows(deps.db, spec, tenantId, conditions, counted),
  ]);
  const more = rows.length > limit;
  if (more) rows.length = limit;
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
