// Plain SQL on the client's own pool, for the hottest reads, where Prisma's query
// runtime costs more than the query itself (bench/README.md). Parameters are
// always bound ($1, $2, ...), never spliced into the text. Errors become DbError,
// as they do through Prisma.
import type { Db } from "./client";
import { poolOf } from "./client";
import { DbError, MESSAGE_BY_KIND } from "./errors";
import { pgErrorKind } from "./pg-errors";

export async function sqlRows<Row>(db: Db, text: string, values: readonly unknown[]): Promise<Row[]> {
  try {
    const result = await poolOf(db).query({ text, values: values as unknown[] });
    return result.rows as Row[];
  } catch (error) {
    const kind = pgErrorKind(error);
    if (!kind) throw error;
    throw new DbError(kind, MESSAGE_BY_KIND[kind], { cause: error });
  }
}
