// Audit events as lists: the organization's log (auditLog.*, for its owners and admins)
// and the platform's (admin.audit.*, for platform admins), with the same filters, the
// same row shape, and the same CSV columns.
import { z } from "zod";
import { defineList, type ListSpec, millis, PLATFORM_SCOPE } from "../pagination/keyset";

const COLUMNS = `id, action, actor_user_id AS "actorUserId", actor_key_id AS "actorKeyId",
  impersonator_id AS "impersonatorId", organization_id AS "organizationId", target_type AS "targetType",
  target_id AS "targetId", ip, user_agent AS "userAgent", request_id AS "requestId", metadata,
  ${millis("created_at", "createdAt")},
  (SELECT u.email FROM auth.users u WHERE u.id = audit_events.actor_user_id) AS "actorEmail"`;

const FILTERS = {
  actorUserId: "actor_user_id = $?::text",
  action: "action = $?::text",
  targetId: "target_id = $?::text",
  createdFrom: "created_at >= $?::timestamptz",
  createdTo: "created_at < $?::timestamptz",
};

export function auditList(name: string, tenantColumn: string, extraFilters: Record<string, string> = {}): ListSpec {
  return defineList({
    name,
    table: "api.audit_events",
    tenantColumn,
    columns: COLUMNS,
    order: "newest",
    idType: "uuid",
    filters: { ...FILTERS, ...extraFilters },
    // The platform's log is every event: its filters may count by reading it.
    ...(tenantColumn === PLATFORM_SCOPE ? { scans: [...Object.keys(FILTERS), ...Object.keys(extraFilters)] } : {}),
  });
}

export interface AuditRow {
  _key: string;
  id: string;
  action: string;
  actorUserId: string | null;
  /** The actor's address now (null once the account is gone). */
  actorEmail: string | null;
  actorKeyId: string | null;
  impersonatorId: string | null;
  organizationId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
}

export const auditEventOutput = z.object({
  id: z.string(),
  at: z.date(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable().describe("The actor's email address now; null once the account is deleted"),
  actorKeyId: z.string().nullable(),
  impersonatorId: z.string().nullable(),
  organizationId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
});

export const auditFromRow = ({ _key: _k, createdAt, ...row }: AuditRow) => ({
  ...row,
  at: new Date(Number(createdAt)),
});

export const AUDIT_CSV_HEADER = [
  "at",
  "action",
  "actor_user_id",
  "actor_email",
  "actor_key_id",
  "impersonator_id",
  "organization_id",
  "target_type",
  "target_id",
  "ip",
  "user_agent",
  "request_id",
  "metadata",
] as const;

export const auditCells = (row: AuditRow) => [
  new Date(Number(row.createdAt)),
  row.action,
  row.actorUserId,
  row.actorEmail,
  row.actorKeyId,
  row.impersonatorId,
  row.organizationId,
  row.targetType,
  row.targetId,
  row.ip,
  row.userAgent,
  row.requestId,
  JSON.stringify(row.metadata),
];

/** CSV downloads have no output to check: the REST route streams their chunks. */
export const downloadOutput = z.any().describe("text/csv");
