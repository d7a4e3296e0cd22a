// Deletes an organization with everything it holds: its rows and keys in one
// transaction, with an ObjectPurge row for its stored objects (the worker's
// account.purge removes them in batches, so a large organization does not hold the
// request); then every API instance forgets it and its keys.
import type { Context } from "../context";

type PurgeContext = Pick<Context, "db" | "memberships" | "revocations" | "apiKeys" | "jobs" | "logger">;

/** Asks the worker to remove purged objects now (the schedule catches any this misses). */
export function requestObjectPurge(ctx: Pick<Context, "jobs" | "logger">): void {
  ctx.jobs.send("account.purge", {}).catch((error: Error) => {
    ctx.logger.warn({ err: error.message }, "account.purge not queued; its schedule will run it");
  });
}

export async function purgeOrganization(ctx: PurgeContext, organizationId: string): Promise<void> {
  const org = await ctx.db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!org) return;
  const keys = await ctx.db.apikey.findMany({ where: { referenceId: organizationId }, select: { id: true } });
  await ctx.db.$transaction([
    ctx.db.task.deleteMany({ where: { organizationId } }),
    ctx.db.taskCount.deleteMany({ where: { organizationId } }),
    ctx.db.dataEntry.deleteMany({ where: { organizationId } }),
    ctx.db.storedFile.deleteMany({ where: { organizationId } }),
    ctx.db.apikey.deleteMany({ where: { referenceId: organizationId } }),
    ctx.db.organization.delete({ where: { id: organizationId } }),
    // Files and the logo live under "<organization id>/".
    ctx.db.objectPurge.create({ data: { prefix: `${organizationId}/`, reason: "organization.deleted" } }),
  ]);
  requestObjectPurge(ctx);
  ctx.memberships.forgetOrganization(organizationId);
  await ctx.revocations.publish({ kind: "organization", organizationId });
  await forgetKeys(ctx, keys);
}

export async function forgetKeys(ctx: Pick<Context, "apiKeys" | "revocations">, keys: { id: string }[]) {
  for (const key of keys) {
    ctx.apiKeys.forgetKeyId(key.id);
    await ctx.revocations.publish({ kind: "key", keyId: key.id });
  }
}
