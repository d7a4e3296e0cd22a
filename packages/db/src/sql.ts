// Plain SQL on the client's own pool, for the hottest reads, where Prisma's query
// runtime costs more than the query itself (bench/README.md). Parameters are
// always bound ($1, $2, ...), never spliced into the text. Errors become DbError,
// as they do through Prisma.
import type { Db } from "./client";
import { poolOf } from "./client";
import { DbError, MESSAGE_BY_KIND } from "./errors";
import { pgErrorKind } from "./pg-errors";

// Each distinct statement is prepared once per connection (a named statement):
// Postgres parses it once and may reuse its plan, instead of planning every call.
// The texts come from code, a few dozen at most; past the bound, no more names.
const names = new Map<string, string>();
const MAX_NAMES = 500;

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMES) {
    name = `acme_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

export async function sqlRows<Row>(db: Db, text: string, values: readonly unknown[]): Promise<Row[]> {
  try {
    const result = await poolOf(db).query({ name: nameOf(text), text, values: values as unknown[] });
    return result.rows as Row[];
  } catch (error) {
    const kind = pgErrorKind(error);
    if (!kind) throw error;
    throw new DbError(kind, MESSAGE_BY_KIND[kind], { cause: error });
  }
}
