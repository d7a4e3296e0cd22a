// initAuth builds the Better Auth server: email and password accounts, sessions,
// Ed25519 JWTs published at /api/auth/jwks, and scoped API keys. Everything it
// needs is passed in; nothing here reads the environment.
import type { Db } from "@acme/db";
import { passwordResetMail, signUpAttemptMail } from "@acme/email";
import { PASSWORD_MAX, PASSWORD_MIN } from "@acme/validators";
import { type BetterAuthOptions, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { jwt } from "better-auth/plugins/jwt";
import { impersonationEnded, impersonatorOf, refuseOwnerOnlyWhileImpersonating } from "./admin/impersonation";
import { type AdminConfig, adminPlugin, closeAdminEndpoints } from "./admin/plugin";
import { apiKeyPlugin } from "./api-key-plugin";
import { closeKeyEndpoints, refuseRoleLists } from "./hooks";
import { type AuthLogger, betterAuthLogger } from "./logger";
import { deliver } from "./mail/deliver";
import type { Mailer } from "./mail/mailer";
import type { AccessChange } from "./organizations";
import {
  createPersonalOrganization,
  ensurePersonalOrganization,
  organizationPlugin,
  personalOrganizationId,
} from "./organizations";
import { sensitiveRules } from "./rate-limits";
import { createAuditTrail } from "./security/audit-trail";
import { createEmailChange } from "./security/email-change";
import { createNotices } from "./security/notices";
import { limitPasskeyNames, type PasskeyConfig, passkeyPlugin, requireVerifiedUser } from "./security/passkeys";
import {
  accountLinking,
  oidcPlugins,
  refuseLinkingPastTwoFactor,
  type SignInProviders,
  socialProviders,
} from "./security/sign-in-providers";
import { claimTotpCode, releaseRefusedCode, twoFactorPlugin } from "./security/two-factor";

export { PASSWORD_MAX, PASSWORD_MIN };

const DAY_SECONDS = 24 * 60 * 60;

export interface AuthConfig {
  db: Db;
  secret: string;
  /** Where the auth server is reached, e.g. http://localhost:3000. */
  baseURL: string;
  issuer: string;
  audience: string;
  jwtExpiresIn: string;
  jwksRotationDays?: number;
  jwksGraceDays: number;
  trustedOrigins: string[];
  trustedProxies?: string[];
  requireEmailVerification: boolean;
  rateLimit: {
    enabled: boolean;
    windowSeconds: number;
    max: number;
    /** Sign-in, sign-up and password reset attempts per client per window. */
    sensitiveMax: number;
    storage?: NonNullable<BetterAuthOptions["rateLimit"]>["customStorage"];
  };
  apiKeyPrefix: string;
  mailer: Mailer;
  logger: AuthLogger;
  /** A local file where queued audit events survive a crash (audit-trail.ts); none: memory only. */
  auditSpoolFile?: string;
  /** Called when access is cut (a member removed or re-roled, an organization deleted). */
  onAccessChange?: (change: AccessChange) => void | Promise<void>;
  /** How long an invitation stays valid; 48 by default. */
  invitationExpiresHours?: number;
  /** Invitations one organization may send per hour; 50 by default. */
  invitationsPerHour?: number;
  passkey: PasskeyConfig;
  /** GitHub, Google, OpenID Connect: each offered only when configured. */
  signInProviders?: SignInProviders;
  admin?: AdminConfig;
}

const APP_NAME = "Platform";

export function initAuth(config: AuthConfig) {
  const { rateLimit } = config;
  const notices = createNotices({ ...config, logger: config.logger });
  const emailChange = createEmailChange({ db: config.db, mailer: config.mailer, notices, logger: config.logger });
  const trail = createAuditTrail({ db: config.db, logger: config.logger, spoolFile: config.auditSpoolFile });
  const claimCode = claimTotpCode(config.db);
  const releaseCode = releaseRefusedCode(config.db);

  return betterAuth({
    appName: APP_NAME,
    baseURL: config.baseURL,
    basePath: "/api/auth",
    secret: config.secret,
    trustedOrigins: config.trustedOrigins,
    telemetry: { enabled: false },
    logger: betterAuthLogger(config.logger),
    database: prismaAdapter(config.db, { provider: "postgresql" }),
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        await refuseRoleLists(ctx);
        await closeKeyEndpoints(ctx);
        await closeAdminEndpoints(ctx);
        await refuseOwnerOnlyWhileImpersonating(ctx);
        await limitPasskeyNames(ctx);
        await requireVerifiedUser(ctx);
        await emailChange.requireReauthentication(ctx);
        await claimCode(ctx);
        await trail.beforeEndpoint(ctx);
      }),
      // Leaving is not a removal to Better Auth's hooks: announce it here.
      after: createAuthMiddleware(async (ctx) => {
        await releaseCode(ctx);
        await notices.afterEndpoint(ctx);
        await trail.afterEndpoint(ctx);
        if (ctx.path !== "/organization/leave") return;
        const member = ctx.context.returned as { userId?: unknown; organizationId?: unknown } | null;
        if (typeof member?.userId === "string" && typeof member.organizationId === "string") {
          await config.onAccessChange?.({
            kind: "member",
            organizationId: member.organizationId,
            userId: member.userId,
          });
        }
      }),
    },
    databaseHooks: {
      // Every account comes with its personal organization, which new sessions start in.
      user: {
        create: {
          after: async (user) => {
            await createPersonalOrganization(config.db, user);
            trail.onUser("user.signed_up", user);
          },
        },
        update: {
          after: async (user, ctx) => {
            await notices.onUserUpdated(user, ctx?.path);
            trail.onUserUpdated(user, ctx?.path, await emailChange.onUserUpdated(user, ctx?.path));
          },
        },
      },
      account: { create: { before: refuseLinkingPastTwoFactor(config.db) } },
      session: {
        create: {
          before: async (session) => {
            // Created at sign-up; made sure of here too, so an account whose sign-up hook failed still gets one.
            await ensurePersonalOrganization(config.db, session.userId);
            return {
              data: {
                ...session,
                activeOrganizationId:
                  (session as { activeOrganizationId?: string | null }).activeOrganizationId ??
                  personalOrganizationId(session.userId),
              },
            };
          },
          after: (session, ctx) => notices.onSessionCreated(session, ctx?.path),
        },
      },
    },
    user: {
      // The new address is confirmed by a link mailed to it; the old one is told afterwards.
      changeEmail: { enabled: true },
    },
    account: { accountLinking },
    socialProviders: socialProviders(config.signInProviders),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      requireEmailVerification: config.requireEmailVerification,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await deliver(config.mailer, user.email, passwordResetMail(user.name, url));
      },
      onPasswordReset: async ({ user }) => {
        trail.onUser("user.password_reset", user);
        await notices.notify(user, { kind: "password-changed" });
      },
      // With verification required, sign-up answers alike whether or not the address is
      // taken (no account enumeration); the owner of a taken address is told instead.
      onExistingUserSignUp: async ({ user }) => {
        const app = config.baseURL;
        await deliver(
          config.mailer,
          user.email,
          signUpAttemptMail(user.name, `${app}/sign-in`, `${app}/forgot-password`),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: DAY_SECONDS,
      sendVerificationEmail: ({ user, url }) => emailChange.sendVerification(user, url),
    },
    session: {
      expiresIn: 7 * DAY_SECONDS,
      updateAge: DAY_SECONDS,
    },
    rateLimit: {
      enabled: rateLimit.enabled,
      window: rateLimit.windowSeconds,
      max: rateLimit.max,
      customRules: sensitiveRules({ window: rateLimit.windowSeconds, max: rateLimit.sensitiveMax }),
      ...(rateLimit.storage ? { customStorage: rateLimit.storage } : { storage: "memory" as const }),
    },
    advanced: {
      ipAddress: {
        ipAddressHeaders: ["x-forwarded-for"],
        ...(config.trustedProxies ? { trustedProxies: config.trustedProxies } : {}),
      },
    },
    plugins: [
      jwt({
        // Tokens come from /token only: no JWT minted (and thrown away) on every session read.
        disableSettingJwtHeader: true,
        jwks: {
          keyPairConfig: { alg: "EdDSA", crv: "Ed25519" },
          ...(config.jwksRotationDays ? { rotationInterval: config.jwksRotationDays * DAY_SECONDS } : {}),
          gracePeriod: config.jwksGraceDays * DAY_SECONDS,
        },
        jwt: {
          issuer: config.issuer,
          audience: config.audience,
          expirationTime: config.jwtExpiresIn,
          // Only what the API needs; never the whole user record. `org` is the active
          // organization and `org_role` the member's role there when the token was made:
          // the API server checks the membership itself, and never trusts the role longer
          // than its membership cache.
          definePayload: async ({ user, session }) => {
            // An impersonation ends on time here, whatever its cookie: no token past the limit.
            if (impersonationEnded(session, config.admin?.impersonationMinutes)) {
              throw new APIError("UNAUTHORIZED", { message: "The impersonation has ended" });
            }
            const org = (session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null;
            const member = org
              ? await config.db.member.findUnique({
                  where: { organizationId_userId: { organizationId: org, userId: user.id } },
                  select: { role: true },
                })
              : null;
            return {
              id: user.id,
              email: user.email,
              name: user.name,
              role: (user.role as string | undefined) ?? "user",
              org: member ? org : null,
              org_role: member?.role ?? null,
              // An admin acting as this user (RFC 8693's actor claim): the API records them on every
              // change. Otherwise, when the person last proved who they are (OIDC's auth_time): the
              // API asks for a recent one before irreversible steps by people without a password.
              // An impersonation is never that proof.
              ...(impersonatorOf(session)
                ? { act: { sub: impersonatorOf(session) } }
                : { auth_time: Math.floor(new Date(session.createdAt).getTime() / 1000) }),
            };
          },
        },
      }),
      organizationPlugin(config),
      adminPlugin(config.admin),
      twoFactorPlugin(APP_NAME),
      passkeyPlugin(APP_NAME, config.passkey),
      ...oidcPlugins(config.signInProviders),
      apiKeyPlugin(config.apiKeyPrefix),
    ],
  });
}

export type Auth = ReturnType<typeof initAuth>;
