// Audit events from API procedures: who (the principal: user, key), from where (IP,
// request id), in which organization. Written with recordAudit, inside the
// mutation's transaction where there is one.
import { type AuditInput, recordAudit, recordAuditIn } from "@acme/db/audit";
import type { Context } from "./context";
import type { Principal } from "./principal";

export type AuditEventInput = Pick<AuditInput, "action" | "targetType" | "targetId" | "metadata"> & {
  /** Defaults to the principal's organization; null for platform events (e.g. an account deleted). */
  organizationId?: string | null;
};

export function auditInput(
  ctx: Pick<Context, "ip" | "requestId">,
  principal: Principal,
  event: AuditEventInput,
): AuditInput {
  return {
    ...event,
    organizationId: event.organizationId === undefined ? principal.organizationId : event.organizationId,
    actorUserId: principal.userId,
    actorKeyId: principal.keyId ?? null,
    impersonatorId: principal.impersonatorId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

/**
 * Records the event on its own, after a change that is not one database transaction of
 * ours (a key made by Better Auth, objects removed from storage). The change is done:
 * a failed write is logged at error and never turns the answer into a 500.
 */
export async function audit(
  ctx: Pick<Context, "db" | "ip" | "requestId" | "logger">,
  principal: Principal,
  event: AuditEventInput,
): Promise<void> {
  try {
    await recordAudit(ctx.db, auditInput(ctx, principal, event));
  } catch (error) {
    ctx.logger.error({ err: error, action: event.action, requestId: ctx.requestId }, "audit event not recorded");
  }
}

export { recordAuditIn };
