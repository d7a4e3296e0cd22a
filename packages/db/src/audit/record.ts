// Appends an audit event to its chain. Inside the caller's transaction when given
// one (a mutation and its event commit together), else in its own. A per-chain
// advisory lock orders concurrent writers, so seq has no gaps and every prev_hash
// is the row before.

import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { type AuditInput, type AuditRow, nextRow } from "./chain";

type Tx = Prisma.TransactionClient;

async function append(tx: Tx, input: AuditInput, createdAt?: Date): Promise<AuditRow> {
  const chain = input.organizationId ?? "platform";
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`;
  const previous = await tx.auditEvent.findFirst({
    where: { chain },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const row = nextRow(input, previous, createdAt);
  await tx.auditEvent.create({ data: { ...row, metadata: row.metadata as Prisma.InputJsonValue } });
  return row;
}

/** Records `input` in a transaction of its own. */
export function recordAudit(db: Db, input: AuditInput): Promise<AuditRow> {
  return db.$transaction((tx) => append(tx, input));
}

/**
 * Records `input` unless an event with its id is there already (a replayed spool): false
 * then. The id is checked under the chain's lock, so two writers cannot both add it.
 */
export function recordAuditOnce(db: Db, input: AuditInput & { id: string; at?: string }): Promise<boolean> {
  const { at, ...event } = input;
  return db.$transaction(async (tx) => {
    const chain = event.organizationId ?? "platform";
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`;
    if (await tx.auditEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return false;
    await append(tx, event, at && !Number.isNaN(Date.parse(at)) ? new Date(at) : undefined);
    return true;
  });
}

/** Records `input` inside the caller's transaction: the event commits or rolls back with the change. */
export function recordAuditIn(tx: Tx, input: AuditInput): Promise<AuditRow> {
  return append(tx, input);
}
