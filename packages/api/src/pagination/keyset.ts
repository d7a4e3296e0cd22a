// The SQL of keyset pagination, for every list: the next `limit + 1` rows after a
// position in a fixed order with a unique tie-breaker (the id), read by an index
// range scan whose index ends in the order's columns. No OFFSET, no window count:
// a page costs the same at row 20 and at row 10,000,000. Pure text building (no
// database client), so the benchmark's raw-pg baseline runs the very same SQL.
import type { CursorKey } from "./cursor";

/** newest: created_at DESC, id DESC; oldest: created_at ASC, id ASC; name (email): name (email) ASC, id ASC. */
export type ListOrder = "newest" | "oldest" | "name" | "email";

/**
 * Platform-wide lists (the admin console) have no tenant: their `tenantColumn` is this
 * constant and they are read with PLATFORM_TENANT, so `'platform' = $1` always holds.
 */
export const PLATFORM_SCOPE = "'platform'";
export const PLATFORM_TENANT = "platform";

export interface ListSpec {
  /** Names the list in its cursors. */
  name: string;
  /** Schema-qualified table. */
  table: string;
  /** The column every query is scoped by (the organization), or PLATFORM_SCOPE. */
  tenantColumn: string;
  /** The SELECT list, without the sort key (added as "_key"). */
  columns: string;
  order: ListOrder;
  idType: "uuid" | "text";
  /** Qualifies the order's columns when `table` has an alias, e.g. "m."; else the table's name does. */
  qualifier?: string;
  /** The filters the list takes: input field -> SQL with one `$?` for its value. */
  filters?: Record<string, string>;
  /**
   * Filters whose total may read the whole table (the admin console's platform-wide
   * search and flags): the page is still read in index order, but counting matches
   * has no index to stop at. Tenant lists have none.
   */
  scans?: readonly string[];
  /** Always applied, e.g. only pending invitations. */
  where?: string;
  /** Maintained counts (a `count` column) that answer the total for these filters exactly. */
  counts?: { table: string; tenantColumn: string; filters: Record<string, string> };
}

/** Every list the API serves; the plan test (list-plans.int.test.ts) checks each one's queries. */
export const LISTS: ListSpec[] = [];

export function defineList(spec: ListSpec): ListSpec {
  LISTS.push(spec);
  return spec;
}

/** The order's sort key (as text), ORDER BY, and the "after this position" condition; `p` qualifies columns. */
const ORDERS = {
  // Timestamps are timestamptz(6): the key is exact epoch microseconds, as text.
  newest: {
    key: (p: string) => `(extract(epoch FROM ${p}created_at) * 1000000)::int8::text`,
    by: (p: string) => `${p}created_at DESC, ${p}id DESC`,
    after: (p: string, k: string, id: string) => `(${p}created_at, ${p}id) < (${micros(k)}, ${id})`,
  },
  oldest: {
    key: (p: string) => `(extract(epoch FROM ${p}created_at) * 1000000)::int8::text`,
    by: (p: string) => `${p}created_at ASC, ${p}id ASC`,
    after: (p: string, k: string, id: string) => `(${p}created_at, ${p}id) > (${micros(k)}, ${id})`,
  },
  name: {
    key: (p: string) => `${p}name`,
    by: (p: string) => `${p}name ASC, ${p}id ASC`,
    after: (p: string, k: string, id: string) => `(${p}name, ${p}id) > (${k}::text, ${id})`,
  },
  email: {
    key: (p: string) => `${p}email`,
    by: (p: string) => `${p}email ASC, ${p}id ASC`,
    after: (p: string, k: string, id: string) => `(${p}email, ${p}id) > (${k}::text, ${id})`,
  },
} as const;

function micros(parameter: string): string {
  return `timestamptz 'epoch' + ${parameter}::int8 * interval '1 microsecond'`;
}

export interface Query {
  text: string;
  values: unknown[];
}

/** Rows counted past this are "10,000+": a total never reads more of the tenant. */
export const COUNT_CAP = 10_000;

/** The WHERE clause shared by a page and its total, and where each filter's value sits. */
function where(spec: ListSpec, tenantId: string, filters: Record<string, unknown>) {
  const values: unknown[] = [tenantId];
  const at: Record<string, number> = {};
  let text = `${spec.tenantColumn} = $1`;
  if (spec.where) text += ` AND ${spec.where}`;
  for (const [name, sql] of Object.entries(spec.filters ?? {})) {
    if (filters[name] === undefined) continue;
    values.push(filters[name]);
    at[name] = values.length;
    text += ` AND ${sql.replace("$?", `$${values.length}`)}`;
  }
  return { text, values, at };
}

/**
 * The total as a scalar subquery on the same parameters: from the list's counters
 * when they count by every filter given (exact), else counting at most
 * COUNT_CAP + 1 rows (exact up to the cap).
 */
function totalOf(spec: ListSpec, clause: ReturnType<typeof where>): { sql: string; counted: boolean } {
  const { counts } = spec;
  const names = Object.keys(clause.at);
  if (counts && names.every((name) => counts.filters[name])) {
    let sql = `SELECT coalesce(sum(count), 0)::int8 FROM ${counts.table} WHERE ${counts.tenantColumn} = $1`;
    for (const name of names) sql += ` AND ${counts.filters[name]?.replace("$?", `$${clause.at[name]}`)}`;
    return { sql, counted: true };
  }
  clause.values.push(COUNT_CAP + 1);
  // No ORDER BY: any path that stops after COUNT_CAP + 1 matches will do, never a sort.
  return {
    sql: `SELECT count(*) FROM (SELECT 1 FROM ${spec.table} WHERE ${clause.text} LIMIT $${clause.values.length}) AS capped`,
    counted: false,
  };
}

export interface PageQuery extends Query {
  /** With a "_total" column (the first page): true when it comes from counters (always exact). */
  counted?: boolean;
}

/**
 * The page after `after` (or the first): `limit + 1` rows, the extra one telling
 * whether more follow; `withTotal` adds the total to every row (one round trip).
 */
export function pageQuery(
  spec: ListSpec,
  tenantId: string,
  filters: Record<string, unknown>,
  after: CursorKey | null,
  limit: number,
  withTotal = false,
): PageQuery {
  const order = ORDERS[spec.order];
  // Always qualified: a bare "id" in ORDER BY would name the output column (id::text), not the indexed one.
  const p = spec.qualifier ?? `${spec.table}.`;
  const clause = where(spec, tenantId, filters);
  const total = withTotal ? totalOf(spec, clause) : null;
  const { values } = clause;
  let text = clause.text;
  if (after) {
    values.push(after[0], after[1]);
    text += ` AND ${order.after(p, `$${values.length - 1}`, `$${values.length}::${spec.idType}`)}`;
  }
  values.push(limit + 1);
  const columns = `${spec.columns}, ${order.key(p)} AS "_key"${total ? `, (${total.sql})::text AS "_total"` : ""}`;
  return {
    text: `SELECT ${columns} FROM ${spec.table} WHERE ${text} ORDER BY ${order.by(p)} LIMIT $${values.length}`,
    values,
    counted: total?.counted,
  };
}

/** A timestamptz column as epoch milliseconds (text); `fromMillis` turns it into a Date. */
export function millis(column: string, as: string): string {
  return `floor(extract(epoch FROM ${column}) * 1000)::int8::text AS "${as}"`;
}

export function fromMillis(value: string | null): Date | null {
  return value === null ? null : new Date(Number(value));
}
