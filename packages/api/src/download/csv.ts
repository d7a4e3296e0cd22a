// CSV downloads: a list's rows in its keyset order, read one page at a time and written
// as they are read, so an export of any size holds one page in memory. Cells that a
// spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote.
import { type Db, sqlRows } from "@acme/db";
import type { CursorKey } from "../pagination/cursor";
import { type ListSpec, pageQuery } from "../pagination/keyset";

const PAGE = 500;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(cell).join(",")}\r\n`;
}

interface KeyedRow {
  _key: string;
  id: string;
}

/** The header, then one chunk of lines per page of the list, until the last page. */
export async function* csvPages<Row extends KeyedRow>(
  db: Db,
  spec: ListSpec,
  tenantId: string,
  filters: Record<string, unknown>,
  header: readonly string[],
  toCells: (row: Row) => readonly unknown[],
  pageSize = PAGE,
): AsyncGenerator<string> {
  yield csvLine(header);
  let after: CursorKey | null = null;
  for (;;) {
    const query = pageQuery(spec, tenantId, filters, after, pageSize);
    const rows = await sqlRows<Row>(db, query.text, query.values);
    const more = rows.length > pageSize;
    if (more) rows.length = pageSize;
    if (rows.length > 0) yield rows.map((row) => csvLine(toCells(row))).join("");
    const last = rows.at(-1);
    if (!more || !last) return;
    after = [last._key, last.id];
  }
}

/** What a download procedure returns: the REST route streams `chunks` as the body. */
export interface Download {
  contentType: string;
  filename: string;
  chunks: AsyncIterable<string>;
}

export function isDownload(value: unknown): value is Download {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in ((value as Download).chunks ?? {});
}
