// Prisma errors mapped to what callers act on. The API maps these kinds to HTTP
// statuses; the original error always travels as `cause`.
import { Prisma } from "./generated/prisma/client";
import { KIND_BY_SQLSTATE } from "./pg-errors";

export type DbErrorKind = "conflict" | "not_found" | "invalid" | "unavailable";

export class DbError extends Error {
  override readonly name = "DbError";
  constructor(
    readonly kind: DbErrorKind,
    message: string,
    options: ErrorOptions & { target?: string } = {},
  ) {
    super(message, options);
    this.target = options.target;
  }
  readonly target: string | undefined;
}

const KIND_BY_CODE: Record<string, DbErrorKind> = {
  P2002: "conflict", // unique constraint
  P2003: "conflict", // foreign key
  P2025: "not_found", // record required by the operation not found
  P2000: "invalid", // value too long for the column
  P2006: "invalid",
  P2007: "invalid", // data validation (e.g. malformed uuid)
  P2023: "invalid",
  P1001: "unavailable", // cannot reach the database server
  P1002: "unavailable", // reached, but timed out
  P1003: "unavailable", // database does not exist
  P1008: "unavailable", // operation timed out
  P1017: "unavailable", // server closed the connection
  P2024: "unavailable", // timed out fetching a connection from the pool
};

export const MESSAGE_BY_KIND: Record<DbErrorKind, string> = {
  conflict: "The record conflicts with an existing one",
  not_found: "The record was not found",
  invalid: "The data does not fit the column",
  unavailable: "The database is unavailable",
};

// The driver adapter's error kinds, which raw queries (P2010) carry instead of a code of their own.
const KIND_BY_ADAPTER_KIND: Record<string, DbErrorKind> = {
  DatabaseNotReachable: "unavailable",
  DatabaseDoesNotExist: "unavailable",
  DatabaseAccessDenied: "unavailable",
  AuthenticationFailed: "unavailable",
  SocketTimeout: "unavailable",
  ConnectionClosed: "unavailable",
  TooManyConnections: "unavailable",
  TransactionWriteConflict: "conflict",
  UniqueConstraintViolation: "conflict",
  ForeignKeyConstraintViolation: "conflict",
  NullConstraintViolation: "invalid",
  LengthMismatch: "invalid",
  InvalidInputValue: "invalid",
};

/** The adapter's kind, or for errors it has no kind for ("postgres"), the kind of their SQLSTATE. */
function adapterKindOf(error: Prisma.PrismaClientKnownRequestError): DbErrorKind | undefined {
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string; originalCode?: string; code?: string } })
    ?.cause;
  if (!cause) return undefined;
  return KIND_BY_ADAPTER_KIND[cause.kind ?? ""] ?? KIND_BY_SQLSTATE[cause.originalCode ?? cause.code ?? ""];
}

function targetOf(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta?.driverAdapterError as { cause?: { constraint?: { index?: string } } } | undefined)?.cause;
  return cause?.constraint?.index ?? (error.meta?.modelName as string | undefined);
}

/** A DbError for a Prisma error it recognises, otherwise null (the caller rethrows). */
export function toDbError(error: unknown): DbError | null {
  if (error instanceof DbError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const kind = KIND_BY_CODE[error.code] ?? adapterKindOf(error);
    if (!kind) return null;
    return new DbError(kind, MESSAGE_BY_KIND[kind], { cause: error, target: targetOf(error) });
  }
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return new DbError("unavailable", MESSAGE_BY_KIND.unavailable, { cause: error });
  }
  return null;
}

/** Runs a query and rethrows recognised Prisma errors as DbError. */
export async function mapDbErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toDbError(error) ?? error;
  }
}
