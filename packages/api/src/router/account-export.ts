// "Download your data": the caller's account as one JSON document (profile,
// sign-in methods, sessions, memberships, API keys they made, and the tasks and
// files they created). Secrets never leave: no password hash, token, key or TOTP
// secret. Each list is capped; a capped list says so (the full archive becomes a
// background job once jobs exist).
import { summarizeKey } from "@acme/auth";
import { z } from "zod";
import type { Context } from "../context";

export const EXPORT_LIST_CAP = 10_000;

const capped = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), truncated: z.boolean() });

export const accountExportOutput = z.object({
  format: z.literal("platform-account-export/1"),
  exportedAt: z.date(),
  profile: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.date(),
  }),
  signInMethods: z.array(z.object({ provider: z.string(), createdAt: z.date() })),
  passkeys: z.array(z.object({ name: z.string().nullable(), deviceType: z.string(), createdAt: z.date().nullable() })),
  sessions: z.array(
    z.object({
      createdAt: z.date(),
      expiresAt: z.date(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  organizations: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), joinedAt: z.date() })),
  apiKeys: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      organizationId: z.string(),
      scopes: z.array(z.string()),
      createdAt: z.date(),
      expiresAt: z.date().nullable(),
      lastUsedAt: z.date().nullable(),
      revokedAt: z.date().nullable(),
    }),
  ),
  tasks: capped(
    z.object({
      id: z.string(),
      organizationId: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      status: z.string(),
      createdAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
  files: capped(
    z.object({
      id: z.string(),
      organizationId: z.string(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      createdAt: z.date(),
    }),
  ),
});

const cap = <T>(rows: T[]) => ({ items: rows.slice(0, EXPORT_LIST_CAP), truncated: rows.length > EXPORT_LIST_CAP });

export async function exportAccount(
  ctx: Pick<Context, "db">,
  userId: string,
): Promise<z.infer<typeof accountExportOutput>> {
  const { db } = ctx;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const [accounts, passkeys, sessions, members, keys, tasks, files] = await Promise.all([
    db.account.findMany({ where: { userId }, select: { providerId: true, createdAt: true } }),
    db.passkey.findMany({ where: { userId }, select: { name: true, deviceType: true, createdAt: true } }),
    db.session.findMany({
      where: { userId },
      select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true },
      orderBy: { createdAt: "desc" },
    }),
    db.member.findMany({ where: { userId }, select: { role: true, createdAt: true, organization: true } }),
    db.apikey.findMany({
      where: { metadata: { contains: `"createdById":"${userId}"` } },
      select: {
        id: true,
        name: true,
        start: true,
        enabled: true,
        referenceId: true,
        permissions: true,
        createdAt: true,
        expiresAt: true,
        lastRequest: true,
        revokedAt: true,
      },
    }),
    db.task.findMany({
      where: { createdById: userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EXPORT_LIST_CAP + 1,
    }),
    db.storedFile.findMany({
      where: { createdById: userId, status: "ready" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EXPORT_LIST_CAP + 1,
    }),
  ]);
  return {
    format: "platform-account-export/1",
    exportedAt: new Date(),
    profile: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      image: user.image,
      twoFactorEnabled: user.twoFactorEnabled,
      createdAt: user.createdAt,
    },
    signInMethods: accounts.map((a) => ({ provider: a.providerId, createdAt: a.createdAt })),
    passkeys,
    sessions,
    organizations: members.map((m) => ({
      id: m.organization.id,
      name: m.organization.name,
      role: m.role,
      joinedAt: m.createdAt,
    })),
    apiKeys: keys.map((key) => {
      const { id, name, scopes, createdAt, expiresAt, lastUsedAt, revokedAt } = summarizeKey(key);
      return { id, name, organizationId: key.referenceId, scopes, createdAt, expiresAt, lastUsedAt, revokedAt };
    }),
    tasks: cap(
      tasks.map((t) => ({
        id: t.id,
        organizationId: t.organizationId,
        title: t.title,
        description: t.description,
        status: t.status,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      })),
    ),
    files: cap(
      files.map((f) => ({
        id: f.id,
        organizationId: f.organizationId,
        filename: f.filename,
        contentType: f.contentType,
        size: Number(f.size),
        createdAt: f.createdAt,
      })),
    ),
  };
}
