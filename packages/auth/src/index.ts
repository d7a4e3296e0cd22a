export { FRESH_SIGN_IN_MS, reauthenticate } from "./account-password";
export { activeMemberRole, banInForce, isBanned } from "./admin/ban";
export { createAccountIn, hashAccountPassword, type NewAccount } from "./admin/create-user";
export { GRANT_REFUSALS, type GrantResult, grantAdmin } from "./admin/grant";
export { impersonationEnded, impersonatorOf } from "./admin/impersonation";
export { banMessage, PLATFORM_ROLES, type PlatformRole } from "./admin/plugin";
export {
  type ApiKeyService,
  type ApiKeySummary,
  type ApiKeyVerification,
  type CreateApiKeyInput,
  createApiKeyInput,
  createApiKeyService,
  type KeyRecord,
  type RevokeOutcome,
  revokeKey,
  summarizeKey,
} from "./api-keys";
export { type Auth, type AuthConfig, initAuth, PASSWORD_MAX, PASSWORD_MIN } from "./auth";
export { type AuthEnv, authEnv, seedEnv } from "./env";
export {
  type AuthFromEnvOptions,
  authConfigFromEnv,
  createAuthFromEnv,
  getDevOutbox,
  signInButtonsFromEnv,
} from "./from-env";
export { type AuthLogger, consoleLogger } from "./logger";
export { DevOutbox, type Mail, type Mailer, type OutboxMail, SmtpMailer } from "./mail/mailer";
export { type AccessChange, isPersonal, personalOrganizationId } from "./organizations";
export {
  isOrganizationRole,
  ORGANIZATION_ROLES,
  type OrganizationRole,
  type Permission,
  ROLES,
  roleAllows,
  SCOPE_FOR_PERMISSION,
  STATEMENTS,
} from "./permissions";
export { redisRateLimitStorage } from "./rate-limit-storage";
export { type Permissions, permissionsToScopes, SCOPES, type Scope, scopesToPermissions } from "./scopes";
export { type SeedResult, seedDemoUser } from "./seed";
export { createApiKeyVerifier } from "./verifier";
