// Security notices by mail: what changed on an account, sent to its address.
// Each is triggered where Better Auth makes the change; none is sent for a
// request that failed.
import type { Db } from "@acme/db";
import { type SecurityEvent, securityNoticeMail } from "@acme/email";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { deliver } from "../mail/deliver";
import type { Mailer } from "../mail/mailer";
import { describeDevice, deviceDigest } from "./devices";

export interface NoticeDeps {
  db: Db;
  mailer: Mailer;
  baseURL: string;
  logger: { warn(message: string): void };
}

interface Recipient {
  email: string;
  name: string;
}

export function createNotices(deps: NoticeDeps) {
  const manageUrl = `${deps.baseURL}/profile/security`;

  /** Sends the notice; a mail that cannot go out is logged, never fails the change itself. */
  async function notify(to: Recipient, event: SecurityEvent): Promise<void> {
    try {
      await deliver(deps.mailer, to.email, securityNoticeMail(to.name, event, new Date(), manageUrl));
    } catch (error) {
      deps.logger.warn(`auth: security notice "${event.kind}" not sent: ${(error as Error).message}`);
    }
  }

  /** A session from a device this user never signed in from: remember it, and tell them (not on their first one). */
  async function onSessionCreated(
    session: { userId: string; userAgent?: string | null; ipAddress?: string | null },
    path: string | undefined,
  ) {
    // An admin acting as the user is not the user's new device (the audit log records it).
    if (path === "/admin/impersonate-user") return;
    // With two-factor on, the password step's session is dropped for a code prompt: the
    // device is judged when the code is accepted (or a trusted device skips the prompt).
    if (path === "/sign-in/email") {
      const user = await deps.db.user.findUnique({ where: { id: session.userId }, select: { twoFactorEnabled: true } });
      if (user?.twoFactorEnabled) return;
    }
    // Noticing is best effort: it never fails the sign-in itself.
    await rememberDevice(session).catch((error: Error) =>
      deps.logger.warn(`auth: device not recorded: ${error.message}`),
    );
  }

  async function rememberDevice(session: { userId: string; userAgent?: string | null; ipAddress?: string | null }) {
    const digest = deviceDigest(session.userAgent);
    const known = await deps.db.knownDevice.findMany({ where: { userId: session.userId }, select: { digest: true } });
    if (known.some((device) => device.digest === digest)) {
      await deps.db.knownDevice.update({
        where: { userId_digest: { userId: session.userId, digest } },
        data: { lastSeen: new Date() },
      });
      return;
    }
    await deps.db.knownDevice.createMany({ data: [{ userId: session.userId, digest }], skipDuplicates: true });
    if (known.length === 0) return;
    const user = await deps.db.user.findUnique({ where: { id: session.userId }, select: { email: true, name: true } });
    if (user) {
      await notify(user, {
        kind: "new-sign-in",
        device: describeDevice(session.userAgent),
        ip: session.ipAddress ?? null,
      });
    }
  }

  /** Changes made by endpoints whose result names the user. */
  const afterEndpoint = createAuthMiddleware(async (ctx) => {
    if (isAPIError(ctx.context.returned)) return;
    const user = ctx.context.session?.user ?? ctx.context.newSession?.user;
    if (!user) return;
    if (ctx.path === "/change-password") await notify(user, { kind: "password-changed" });
    if (ctx.path === "/passkey/verify-registration") {
      const added = ctx.context.returned as { name?: string | null } | null;
      await notify(user, { kind: "passkey-added", passkey: added?.name || "Passkey" });
    }
  });

  /** Changes Better Auth makes through its user updates: two-factor turned on or off. */
  async function onUserUpdated(user: Recipient & { twoFactorEnabled?: boolean | null }, path: string | undefined) {
    if (path === "/two-factor/verify-totp" && user.twoFactorEnabled) await notify(user, { kind: "two-factor-enabled" });
    if (path === "/two-factor/disable" && !user.twoFactorEnabled) await notify(user, { kind: "two-factor-disabled" });
  }

  return { notify, onSessionCreated, onUserUpdated, afterEndpoint };
}

export type Notices = ReturnType<typeof createNotices>;
