// A job written in the caller's Prisma transaction: pg-boss runs its insert on that
// connection, so the job and the rows that need it commit (or roll back) together.
import type { Prisma } from "@acme/db";
import type { SqlExecutor } from "@acme/jobs";

export function within(tx: Prisma.TransactionClient): SqlExecutor {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) };
    },
  };
}
