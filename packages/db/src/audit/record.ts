// Appends an audit event to its chain. Inside the caller's transaction when given
// one (a mutation and its event commit together), else in its own. A per-chain
// advisory lock orders concurrent writers, so seq has no gaps and every prev_hash
// is the row before.

import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { type AuditInput, type AuditRow, nextRow } from "./chain";

type Tx = Prisma.TransactionClient;

async function append(tx: Tx, input: AuditInput): Promise<AuditRow> {
  const chain = input.organizationId ?? "platform";
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`;
  const previous = await tx.auditEvent.findFirst({
    where: { chain },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const row = nextRow(input, previous);
  await tx.auditEvent.create({ data: { ...row, metadata: row.metadata as Prisma.InputJsonValue } });
  return row;
}

/** Records `input` in `tx` (the caller's transaction) or in a transaction of its own on `db`. */
export function recordAudit(target: Db | Tx, input: AuditInput): Promise<AuditRow> {
  if ("$transaction" in target) return target.$transaction((tx) => append(tx, input));
  return append(target, input);
}
