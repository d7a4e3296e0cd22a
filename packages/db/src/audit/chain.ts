// How an audit event is hashed: its fields in a fixed order (metadata with sorted
// keys, so JSONB's own key order does not matter) and the previous event's hash.
// Changing any field, or removing an event, breaks every hash after it.
import { createHash, randomUUID } from "node:crypto";

export const PLATFORM_CHAIN = "platform";
export const GENESIS_HASH = "0".repeat(64);

export interface AuditInput {
  /** Set by a queue that must be able to write the event twice without recording it twice. */
  id?: string;
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
const SECRET_KEY =
  /password|passwd|passphrase|secret|token|^key$|api_?key|private_?key|credential|^code$|backup_?codes?|recovery|otp|cookie|authorization/i;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as Postgres stores it: lone surrogates (from crafted input) become U+FFFD, so the hash covers what is read back. */
export function wellFormed(text: string, maxCodePoints = 2048): string {
  // Postgres text holds neither NUL nor half of a surrogate pair.
  const whole = text.replace(LONE_SURROGATE, "\uFFFD").replaceAll(String.fromCharCode(0), "\uFFFD");
  const points = Array.from(whole);
  return points.length > maxCodePoints ? points.slice(0, maxCodePoints).join("") : whole;
}

const textOrNull = (value: string | null | undefined, max?: number) => (value == null ? null : wellFormed(value, max));

export function scrubMetadata(value: unknown): unknown {
  if (typeof value === "string") return wellFormed(value);
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
  const chain = textOrNull(input.organizationId) ?? PLATFORM_CHAIN;
  const row = {
    id: input.id ?? randomUUID(),
    chain,
    seq: (previous?.seq ?? 0n) + 1n,
    createdAt,
    actorUserId: textOrNull(input.actorUserId),
    actorKeyId: textOrNull(input.actorKeyId),
    impersonatorId: textOrNull(input.impersonatorId),
    organizationId: textOrNull(input.organizationId),
    action: wellFormed(input.action, 64),
    targetType: textOrNull(input.targetType, 64),
    targetId: textOrNull(input.targetId),
    ip: textOrNull(input.ip),
    userAgent: textOrNull(input.userAgent, 512),
    requestId: textOrNull(input.requestId),
    // As stored: JSON drops undefined values and turns dates into strings, and the hash
    // must cover what is read back.
    metadata: JSON.parse(JSON.stringify(scrubMetadata(input.metadata ?? {}))) as Record<string, unknown>,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...row, hash: hashEvent(row) };
}
