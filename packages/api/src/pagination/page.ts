// Reads one page of any list: decodes the cursor (400 when it is not this list's,
// this tenant's and this query's), runs the keyset query, signs the next cursor,
// and on the first page only adds the total in the same statement: exact from the
// list's counters when they count by these filters, else exact up to COUNT_CAP
// ("10,000+").
import { type Db, sqlRows } from "@acme/db";
import type { CursorCodec, CursorScope } from "./cursor";
import { COUNT_CAP, type ListSpec, pageQuery } from "./keyset";

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
  _total?: string;
  id: string;
}

function totalFrom(value: string | undefined, counted: boolean | undefined): Total {
  const n = Number(value ?? 0);
  return counted || n <= COUNT_CAP ? { count: n, exact: true } : { count: COUNT_CAP, exact: false };
}

export async function readPage<Row extends KeyedRow, Item>(
  deps: PageDeps,
  spec: ListSpec,
  tenantId: string,
  request: PageRequest,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const { cursor, limit, ...rest } = request;
  // The filters scope the cursor: a cursor continues only the query it came from.
  const filters: Record<string, unknown> = rest;
  const scope: CursorScope = { list: spec.name, tenantId, filters };
  const after = cursor ? deps.cursors.decode(scope, cursor) : null;
  const query = pageQuery(spec, tenantId, filters, after, limit, !after);
  const rows = await sqlRows<Row>(deps.db, query.text, query.values);
  // Every row of a first page carries the total; an empty first page means none match.
  const total = after ? null : totalFrom(rows[0]?._total, query.counted);
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows.at(-1);
  return {
    items: rows.map(toItem),
    nextCursor: more && last ? deps.cursors.encode(scope, [last._key, last.id]) : null,
    total,
  };
}
