// Errors from plain SQL on the pg pool (`sql.ts`), mapped to the same kinds as
// Prisma's: SQLSTATE codes from the server, socket errors and pg-pool's own
// connection messages when the server cannot be reached.
import type { DbErrorKind } from "./errors";

export const KIND_BY_SQLSTATE: Record<string, DbErrorKind> = {
  "23505": "conflict", // unique_violation
  "23503": "conflict", // foreign_key_violation
  "40001": "conflict", // serialization_failure
  "22001": "invalid", // string_data_right_truncation
  "22021": "invalid", // character_not_in_repertoire (a NUL in text)
  "22P02": "invalid", // invalid_text_representation (e.g. a malformed uuid)
  "23502": "invalid", // not_null_violation
  "53300": "unavailable", // too_many_connections
  "57P01": "unavailable", // admin_shutdown
  "57P02": "unavailable", // crash_shutdown
  "57P03": "unavailable", // cannot_connect_now
  "3D000": "unavailable", // invalid_catalog_name (database missing)
  "28000": "unavailable", // invalid_authorization_specification
  "28P01": "unavailable", // invalid_password
};

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
]);
const CONNECTION_MESSAGE = /connection terminated|timeout exceeded when trying to connect|connection timeout/i;

/** The kind of a pg error, or undefined when it is not one we recognise. */
export function pgErrorKind(error: unknown): DbErrorKind | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (code.startsWith("08")) return "unavailable"; // connection_exception class
    const kind = KIND_BY_SQLSTATE[code];
    if (kind) return kind;
    if (SOCKET_CODES.has(code)) return "unavailable";
  }
  return CONNECTION_MESSAGE.test(error.message) ? "unavailable" : undefined;
}
