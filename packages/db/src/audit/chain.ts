// How an audit event is hashed: its fields in a fixed order (metadata with sorted
// keys, so JSONB's own key order does not matter) and the previous event's hash.
// Changing any field, or removing an event, breaks every hash after it.
import { createHash, randomUUID } from "node:crypto";

export const PLATFORM_CHAIN = "platform";
export const GENESIS_HASH = "0".repeat(64);

export interface AuditInput {
  action: string;
  actorUserId?: string | null;
  actorKeyId?: string | null;
  impersonatorId?: string | null;
  organizationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  metadata?: Record<string, unknown>;
}

export interface AuditRow extends Required<Omit<AuditInput, "metadata">> {
  id: string;
  chain: string;
  seq: bigint;
  createdAt: Date;
  metadata: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Never in an audit event: values under these keys are dropped, at any depth. */
const SECRET_KEY = /pass(word)?|secret|token|^key$|apikey|^code$|backupcodes|otp|cookie|authorization/i;

export function scrubMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubMetadata);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, inner]) => [key, scrubMetadata(inner)] as const);
    return Object.fromEntries(entries);
  }
  return value;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value as Record<string, unknown>).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashEvent(row: Omit<AuditRow, "hash">): string {
  const fields = [
    row.id,
    row.chain,
    row.seq.toString(),
    row.createdAt.toISOString(),
    row.actorUserId,
    row.actorKeyId,
    row.impersonatorId,
    row.organizationId,
    row.action,
    row.targetType,
    row.targetId,
    row.ip,
    row.userAgent,
    row.requestId,
    canonical(row.metadata),
    row.prevHash,
  ];
  return createHash("sha256").update(canonical(fields)).digest("hex");
}

/** The row for `input`, after `previous` in its chain (null: the chain's first). */
export function nextRow(
  input: AuditInput,
  previous: { seq: bigint; hash: string } | null,
  createdAt = new Date(),
): AuditRow {
  const chain = input.organizationId ?? PLATFORM_CHAIN;
  const row = {
    id: randomUUID(),
    chain,
    seq: (previous?.seq ?? 0n) + 1n,
    createdAt,
    actorUserId: input.actorUserId ?? null,
    actorKeyId: input.actorKeyId ?? null,
    impersonatorId: input.impersonatorId ?? null,
    organizationId: input.organizationId ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    requestId: input.requestId ?? null,
    // As stored: JSON drops undefined values and turns dates into strings, and the hash
    // must cover what is read back.
    metadata: JSON.parse(JSON.stringify(scrubMetadata(input.metadata ?? {}))) as Record<string, unknown>,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...row, hash: hashEvent(row) };
}
