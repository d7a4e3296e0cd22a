// A download that is recorded in the audit log when it starts streaming: not when a
// tRPC call for it is refused, and not before the caller reads anything.
import { type AuditEventInput, audit } from "../audit";
import type { Context } from "../context";
import type { Principal } from "../principal";

export async function* recorded(
  ctx: Pick<Context, "db" | "ip" | "requestId" | "logger">,
  principal: Principal,
  event: AuditEventInput,
  chunks: AsyncIterable<string>,
): AsyncGenerator<string> {
  await audit(ctx, principal, event);
  yield* chunks;
}
