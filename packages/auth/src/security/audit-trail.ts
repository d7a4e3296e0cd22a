// The auth server's audit events: sign-ins (and failures), sign-ups, password,
// email, two-factor and passkey changes, revoked sessions. Sign-ins are reads of
// the account, so their events are queued and written just after the answer
// (AuditQueue), never a synchronous write in the sign-in itself; with a spool file,
// each is appended to it first, so a crash loses none.
import { resolve } from "node:path";
import type { Db } from "@acme/db";
import { type AuditInput, AuditQueue, AuditSpool } from "@acme/db/audit";
import { createAuthMiddleware, getIP, getSessionFromCtx, isAPIError } from "better-auth/api";
import { impersonatorOf } from "../admin/impersonation";
import { organizationEvent } from "./organization-trail";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

const SIGN_IN_METHOD: Record<string, string> = {
  "/sign-in/email": "password",
  "/two-factor/verify-totp": "password+totp",
  "/two-factor/verify-backup-code": "password+backup-code",
  "/passkey/verify-authentication": "passkey",
};

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/;
/** A proxy's request id, when it looks like one. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

const CHANGES: Record<string, string> = {
  "/change-password": "user.password_changed",
  "/passkey/verify-registration": "user.passkey_added",
  "/passkey/delete-passkey": "user.passkey_removed",
  "/two-factor/generate-backup-codes": "user.backup_codes_regenerated",
  "/revoke-session": "session.revoked",
  "/revoke-other-sessions": "session.revoked",
  "/revoke-sessions": "session.revoked",
};

const IMPERSONATION: Record<string, string> = {
  "/admin/impersonate-user": "user.impersonation_started",
  "/admin/stop-impersonating": "user.impersonation_stopped",
};

/**
 * One queue per spool file in a process: a framework that loads the auth module twice
 * (Next.js does, per bundle) must not have two queues emptying one file.
 */
const shared = globalThis as { __auditQueues?: Map<string, AuditQueue> };
shared.__auditQueues ??= new Map();
const spooledQueues = shared.__auditQueues;

function queueFor(db: Db, warn: (message: string) => void, spoolFile: string | undefined): AuditQueue {
  if (!spoolFile) return new AuditQueue(db, warn);
  const path = resolve(spoolFile);
  let queue = spooledQueues.get(path);
  if (!queue) {
    let spool: AuditSpool | undefined;
    try {
      spool = new AuditSpool(path);
    } catch (error) {
      // Held by another process, or no writable disk: this instance keeps events in memory (and says so).
      warn(`audit: no spool (${(error as Error).message}); queued events are kept in memory only`);
    }
    queue = new AuditQueue(db, warn, 100, spool);
    spooledQueues.set(path, queue);
  }
  return queue;
}

export function createAuditTrail(deps: { db: Db; logger: { warn(message: string): void }; spoolFile?: string }) {
  const queue = queueFor(deps.db, (message) => deps.logger.warn(message), deps.spoolFile);

  function client(ctx: HookContext): Pick<AuditInput, "ip" | "userAgent" | "requestId"> {
    const source = ctx.request ?? ctx.headers;
    const headers = ctx.request?.headers ?? ctx.headers;
    return {
      ip: source ? getIP(source, ctx.context.options) : null,
      userAgent: headers?.get("user-agent") ?? null,
      requestId: REQUEST_ID.exec(headers?.get("x-request-id") ?? "")?.[0] ?? null,
    };
  }

  const afterEndpoint = createAuthMiddleware(async (ctx) => {
    // A redirect (a provider's callback finishing the sign-in) comes back as an APIError too: not a failure.
    const returnedError = isAPIError(ctx.context.returned) ? (ctx.context.returned as { statusCode?: number }) : null;
    const failed = returnedError !== null && (returnedError.statusCode ?? 500) >= 400;
    const returned = ctx.context.returned as { twoFactorRedirect?: boolean } | null;
    // Social providers come back to /callback/:id, generic OpenID Connect to /oauth2/callback/:providerId.
    const viaProvider = ctx.path.startsWith("/callback/") || ctx.path.startsWith("/oauth2/callback/");
    const method = SIGN_IN_METHOD[ctx.path] ?? (viaProvider ? "provider" : undefined);
    // A code checked from a signed-in session is two-factor being turned on, not a sign-in.
    const enrolling = ctx.path === "/two-factor/verify-totp" && Boolean(ctx.context.session);
    if (method && !enrolling) {
      const user = ctx.context.newSession?.user;
      if (!failed && user && !returned?.twoFactorRedirect) {
        const params = (ctx.params ?? {}) as { id?: string; providerId?: string };
        const provider = viaProvider ? (params.id ?? params.providerId) : undefined;
        queue.push({
          action: "user.signed_in",
          actorUserId: user.id,
          targetType: "user",
          targetId: user.id,
          metadata: { method, provider },
          ...client(ctx),
        });
      } else if (failed) {
        // The address tried, only if it is one: a password typed into the email box is never kept.
        const typed: unknown = ctx.body?.email;
        const email = typeof typed === "string" && EMAIL.test(typed) ? typed.toLowerCase() : undefined;
        queue.push({ action: "user.sign_in_failed", metadata: { method, email }, ...client(ctx) });
      }
      return;
    }
    if (enrolling) return;
    const impersonating = IMPERSONATION[ctx.path];
    if (impersonating) return failed ? undefined : impersonation(ctx, impersonating);
    const organization = failed ? null : organizationEvent(ctx.path, ctx.context.returned, ctx.body);
    if (organization) {
      // The organization endpoints keep their session to themselves: read it again (org changes are rare).
      const session = ctx.context.session ?? (await getSessionFromCtx(ctx).catch(() => null));
      if (!session) return;
      const by = impersonatorOf(session.session);
      const active = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null;
      queue.push({
        ...organization,
        // Team endpoints take the organization optionally: the active one is theirs then.
        organizationId: organization.organizationId ?? active,
        actorUserId: session.user.id,
        impersonatorId: by,
        ...client(ctx),
      });
      return;
    }
    const user = ctx.context.session?.user;
    const action = CHANGES[ctx.path];
    if (action && user && !failed) {
      const by = impersonatorOf(ctx.context.session?.session ?? {});
      queue.push({
        action,
        actorUserId: user.id,
        impersonatorId: by,
        targetType: "user",
        targetId: user.id,
        ...client(ctx),
      });
    }
  });

  /** Sign-out names no user once it is done: who is leaving is read before (one session lookup). */
  const beforeEndpoint = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/sign-out") return;
    const session = await getSessionFromCtx(ctx).catch(() => null);
    if (!session) return;
    const by = impersonatorOf(session.session);
    queue.push({
      action: "user.signed_out",
      actorUserId: session.user.id,
      impersonatorId: by,
      targetType: "user",
      targetId: session.user.id,
      ...client(ctx),
    });
  });

  /** Start: the admin's session asked, for the user returned; stop: the impersonation session asked. */
  function impersonation(ctx: HookContext, action: string): void {
    const session = ctx.context.session?.session as { impersonatedBy?: string | null } | undefined;
    const started = action === "user.impersonation_started";
    const admin = started ? ctx.context.session?.user.id : session?.impersonatedBy;
    const target = started
      ? (ctx.context.returned as { user?: { id?: string } } | null)?.user?.id
      : ctx.context.session?.user.id;
    if (!admin || !target) return;
    queue.push({
      action,
      actorUserId: admin,
      impersonatorId: admin,
      targetType: "user",
      targetId: target,
      ...client(ctx),
    });
  }

  /** Changes found in Better Auth's record updates (sign-up, 2FA on/off, email confirmed). */
  function onUser(action: string, user: { id: string }, metadata: Record<string, unknown> = {}): void {
    queue.push({ action, actorUserId: user.id, targetType: "user", targetId: user.id, metadata });
  }

  function onUserUpdated(
    user: { id: string; twoFactorEnabled?: boolean | null },
    path: string | undefined,
    emailChanged: boolean,
  ) {
    if (path === "/two-factor/verify-totp" && user.twoFactorEnabled) onUser("user.two_factor_enabled", user);
    if (path === "/two-factor/disable" && !user.twoFactorEnabled) onUser("user.two_factor_disabled", user);
    if (emailChanged) onUser("user.email_changed", user);
  }

  return {
    beforeEndpoint,
    afterEndpoint,
    onUser,
    onUserUpdated,
    flush: () => queue.flush(),
    close: () => queue.close(),
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
