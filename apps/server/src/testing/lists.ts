// Every list procedure of the router, and how to put n rows into one organization
// for it, so the shared pagination test (pagination.int.test.ts) covers each list:
// a paginated procedure missing here fails that test.
import { randomUUID } from "node:crypto";
import { appRouter } from "@acme/api";
import type { Db } from "@acme/db";
import { recordAudit } from "@acme/db/audit";

type Seed = (db: Db, organizationId: string, ownerId: string, n: number) => Promise<void>;

const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

const events =
  (platform: boolean): Seed =>
  async (db, organizationId, ownerId, n) => {
    for (let i = 0; i < n; i++) {
      await recordAudit(db, {
        action: "task.deleted",
        organizationId: platform ? null : organizationId,
        actorUserId: ownerId,
        targetId: `seed-${organizationId}-${i}`,
      });
    }
  };

/** Platform-wide lists (admin.*): every row of the platform, not one organization's. */
export const isPlatformList = (path: string) => path.startsWith("admin.");

export const LIST_SEEDS: Record<string, Seed> = {
  "auditLog.list": events(false),
  "admin.audit.list": events(true),
  "admin.users.list": async (db, organizationId, _ownerId, n) => {
    await db.user.createMany({
      data: many(n, (i) => ({
        id: `${organizationId}-u${i}-${randomUUID()}`,
        name: `Seed ${i}`,
        email: `${randomUUID()}@example.test`,
      })),
    });
  },
  "admin.organizations.list": async (db, organizationId, _ownerId, n) => {
    await db.organization.createMany({
      data: many(n, (i) => ({ id: `${organizationId}-o${i}-${randomUUID()}`, name: `Seed ${i}`, slug: randomUUID() })),
    });
  },
  // The caller's own events (the list is per user, not per organization).
  "activity.list": async (db, organizationId, ownerId, n) => {
    for (let i = 0; i < n; i++) {
      await recordAudit(db, { action: "task.deleted", organizationId, actorUserId: ownerId, targetId: `seed-${i}` });
    }
  },
  "tasks.list": async (db, organizationId, ownerId, n) => {
    await db.task.createMany({ data: many(n, (i) => ({ organizationId, createdById: ownerId, title: `seed ${i}` })) });
  },
  "files.list": async (db, organizationId, ownerId, n) => {
    await db.storedFile.createMany({
      data: many(n, (i) => ({
        organizationId,
        createdById: ownerId,
        objectKey: `${organizationId}/${randomUUID()}`,
        filename: `seed-${i}.txt`,
        contentType: "text/plain",
        size: BigInt(1 + i),
        status: "ready" as const,
      })),
    });
  },
  "apiKeys.list": async (db, organizationId, ownerId, n) => {
    const now = new Date();
    await db.apikey.createMany({
      data: many(n, (i) => ({
        id: `seed_key_${randomUUID()}`,
        name: `seed ${i}`,
        referenceId: organizationId,
        key: randomUUID(),
        permissions: '{"tasks":["read"]}',
        metadata: JSON.stringify({ createdById: ownerId }),
        createdAt: now,
        updatedAt: now,
      })),
    });
  },
  "members.list": async (db, organizationId, _ownerId, n) => {
    const users = many(n, () => randomUUID());
    await db.user.createMany({
      data: users.map((id) => ({ id, name: `Seed ${id}`, email: `${id}@example.test`, emailVerified: true })),
    });
    await db.member.createMany({ data: users.map((userId) => ({ id: randomUUID(), organizationId, userId })) });
  },
  "teams.list": async (db, organizationId, _ownerId, n) => {
    // Two teams per name: the order's tie-breaker (the id) decides between them.
    await db.team.createMany({ data: many(n, (i) => ({ id: randomUUID(), organizationId, name: `Team ${i >> 1}` })) });
  },
  "invitations.list": async (db, organizationId, ownerId, n) => {
    await db.invitation.createMany({
      data: many(n, (i) => ({
        id: randomUUID(),
        organizationId,
        email: `seed-${i}-${randomUUID()}@example.test`,
        inviterId: ownerId,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });
  },
};

interface OutputDef {
  _def: { output?: { shape?: Record<string, unknown> }; meta?: { openapi?: { path?: string } } };
}

/** The procedures that answer a page (their output has `nextCursor`), with their REST path if any. */
export function paginatedProcedures(): { path: string; rest?: string }[] {
  const record = appRouter._def.procedures as unknown as Record<string, OutputDef>;
  return Object.entries(record)
    .filter(([, procedure]) => "nextCursor" in (procedure._def.output?.shape ?? {}))
    .map(([path, procedure]) => ({ path, rest: procedure._def.meta?.openapi?.path }));
}
