import { toTrpcError } from "../errors";

/** Domain errors (database, storage, JWKS) become typed tRPC errors; others stay as they are. */
export function mapError(error: unknown): unknown {
  return toTrpcError(error) ?? error;
}
