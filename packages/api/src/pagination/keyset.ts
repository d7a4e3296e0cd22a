// The SQL of keyset pagination, for every list: the next `limit + 1` rows after a
// position in a fixed order with a unique tie-breaker (the id), read by an index
// range scan whose index ends in the order's columns. No OFFSET, no window count:
// a page costs the same at row 20 and at row 10,000,000. Pure text building (no
// database client), so the benchmark's raw-pg baseline runs the very same SQL.
import type { CursorKey } from "./cursor";

/** newest: created_at DESC, id DESC; oldest: created_at ASC, id ASC; name: name ASC, id ASC. */
export type ListOrder = "newest" | "oldest" | "name";

export interface ListSpec {
  /** Names the list in its cursors. */
  name: string;
  /** Schema-qualified table. */
  table: string;
  /** The column every query is scoped by (the organization). */
  tenantColumn: string;
  /** The SELECT list, without the sort key (added as "_key"). */
  columns: string;
  order: ListOrder;
  idType: "uuid" | "text";
  /** Qualifies the order's columns when `table` has an alias, e.g. "m."; else the table's name does. */
  qualifier?: string;
  /** The filters the list takes: input field -> SQL with one `$?` for its value. */
  filters?: Record<string, string>;
  /** Always applied, e.g. only pending invitations. */
  where?: string;
}

/** Every list the API serves; the plan test (list-plans.int.test.ts) checks each one's queries. */
export const LISTS: ListSpec[] = [];

export function defineList(spec: ListSpec): ListSpec {
  LISTS.push(spec);
  return spec;
}

/** The SQL conditions for the filters given (undefined ones are left out). */
export function conditionsOf(spec: ListSpec, filters: Record<string, unknown>): Condition[] {
  const conditions: Condition[] = [];
  for (const [name, sql] of Object.entries(spec.filters ?? {})) {
    const value = filters[name];
    if (value !== undefined) conditions.push({ sql, value });
  }
  return conditions;
}

/** A filter: SQL with one `$?` placeholder for its bound value. */
export interface Condition {
  sql: string;
  value: unknown;
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
} as const;

function micros(parameter: string): string {
  return `timestamptz 'epoch' + ${parameter}::int8 * interval '1 microsecond'`;
}

export interface Query {
  text: string;
  values: unknown[];
}

function where(spec: ListSpec, tenantId: string, conditions: readonly Condition[]): Query {
  const values: unknown[] = [tenantId];
  let text = `${spec.tenantColumn} = $1`;
  if (spec.where) text += ` AND ${spec.where}`;
  for (const condition of conditions) {
    values.push(condition.value);
    text += ` AND ${condition.sql.replace("$?", `$${values.length}`)}`;
  }
  return { text, values };
}

/** The page after `after` (or the first): `limit + 1` rows, the extra one telling whether more follow. */
export function pageQuery(
  spec: ListSpec,
  tenantId: string,
  conditions: readonly Condition[],
  after: CursorKey | null,
  limit: number,
): Query {
  const order = ORDERS[spec.order];
  // Always qualified: a bare "id" in ORDER BY would name the output column (id::text), not the indexed one.
  const p = spec.qualifier ?? `${spec.table}.`;
  const { text, values } = where(spec, tenantId, conditions);
  let clause = text;
  if (after) {
    values.push(after[0], after[1]);
    clause += ` AND ${order.after(p, `$${values.length - 1}`, `$${values.length}::${spec.idType}`)}`;
  }
  values.push(limit + 1);
  return {
    text: `SELECT ${spec.columns}, ${order.key(p)} AS "_key" FROM ${spec.table} WHERE ${clause} ORDER BY ${order.by(p)} LIMIT $${values.length}`,
    values,
  };
}

/** How many rows match, reading at most `cap + 1` index entries. */
export function cappedCountQuery(
  spec: ListSpec,
  tenantId: string,
  conditions: readonly Condition[],
  cap: number,
): Query {
  const { text, values } = where(spec, tenantId, conditions);
  values.push(cap + 1);
  return {
    text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${spec.table} WHERE ${text} LIMIT $${values.length}) AS capped`,
    values,
  };
}

/** A timestamptz column as epoch milliseconds (text); `fromMillis` turns it into a Date. */
export function millis(column: string, as: string): string {
  return `floor(extract(epoch FROM ${column}) * 1000)::int8::text AS "${as}"`;
}

export function fromMillis(value: string | null): Date | null {
  return value === null ? null : new Date(Number(value));
}
