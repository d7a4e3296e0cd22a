// Deletes an organization with everything it holds: stored objects first (if the
// store fails, the rows stay and the deletion can be retried), then its rows and
// keys in one transaction; then every API instance forgets it and its keys.
import type { Context } from "../context";

type PurgeContext = Pick<Context, "db" | "store" | "memberships" | "revocations" | "apiKeys">;

export async function purgeOrganization(ctx: PurgeContext, organizationId: string): Promise<void> {
  const org = await ctx.db.organization.findUnique({ where: { id: organizationId }, select: { logo: true } });
  if (!org) return;
  const files = await ctx.db.storedFile.findMany({ where: { organizationId }, select: { objectKey: true } });
  for (const file of files) await ctx.store.remove(file.objectKey);
  if (org.logo?.startsWith(`${organizationId}/logo/`)) await ctx.store.remove(org.logo);
  const keys = await ctx.db.apikey.findMany({ where: { referenceId: organizationId }, select: { id: true } });
  await ctx.db.$transaction([
    ctx.db.task.deleteMany({ where: { organizationId } }),
    ctx.db.taskCount.deleteMany({ where: { organizationId } }),
    ctx.db.dataEntry.deleteMany({ where: { organizationId } }),
    ctx.db.storedFile.deleteMany({ where: { organizationId } }),
    ctx.db.apikey.deleteMany({ where: { referenceId: organizationId } }),
    ctx.db.organization.delete({ where: { id: organizationId } }),
  ]);
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
