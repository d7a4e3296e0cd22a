import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { ApiKeyCache, type ApiKeyCacheOptions } from "./auth/api-key-cache";
export { readCredentials } from "./auth/authenticate";
export { JwksCache, type JwksCacheOptions, JwksUnavailableError } from "./auth/jwks-cache";
export { JwtVerifier, type JwtVerifierOptions } from "./auth/jwt-verifier";
export { MembershipCache, type MembershipCacheOptions } from "./auth/membership-cache";
export type { RequestRecord } from "./context";
export type { AccessCuts, ApiDeps, ApiKeyAdmin, FilesConfig, JobSender, PasswordResets } from "./deps";
export { type Download, isDownload } from "./download/csv";
export { isUnexpected } from "./errors";
export type { Meta } from "./init";
export { CursorCodec } from "./pagination/cursor";
export type { AuthFailureReason, Principal } from "./principal";
export { IpBudget } from "./rate-limit/ip-budget";
export { type Bucket, type RateLimitConfig, RateLimiter } from "./rate-limit/limiter";
export { type AppRouter, appRouter } from "./root";
export { serializedOutput, transformer } from "./transformer";
export { type Context, createCallerFactory, createContextInner } from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { compileProcedures, type Procedure, type ProcedureType } from "./dispatch/procedures";
