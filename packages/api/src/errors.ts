// Domain errors become tRPC errors deliberately, always keeping the cause.
import { toDbError } from "@acme/db";
import { StorageUnavailableError } from "@acme/storage";
import { TRPCError } from "@trpc/server";
import { JwksUnavailableError } from "./auth/jwks-cache";

const CODE_BY_KIND = {
  conflict: "CONFLICT",
  not_found: "NOT_FOUND",
  invalid: "BAD_REQUEST",
  unavailable: "SERVICE_UNAVAILABLE",
} as const;

/** A TRPCError for errors we understand; null for the rest (they are bugs: 500). */
export function toTrpcError(error: unknown): TRPCError | null {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  const dbError = toDbError(cause);
  if (dbError) {
    return new TRPCError({ code: CODE_BY_KIND[dbError.kind], message: dbError.message, cause: dbError });
  }
  if (cause instanceof StorageUnavailableError) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "File storage is unavailable", cause });
  }
  if (cause instanceof JwksUnavailableError) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Authentication service unavailable", cause });
  }
  return error instanceof TRPCError ? error : null;
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
}

/** Expected errors are answers, not incidents: only these get logged at error. */
export function isUnexpected(error: TRPCError): boolean {
  return error.code === "INTERNAL_SERVER_ERROR";
}
