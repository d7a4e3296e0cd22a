import { TRPCError } from "@trpc/server";
import { toTrpcError } from "../errors";
import { t } from "../init";

/** Domain errors (database, storage) thrown by procedures become typed tRPC errors. */
export const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error);
    if (mapped && mapped !== result.error) throw mapped;
    if (!mapped && !(result.error instanceof TRPCError)) throw result.error;
  }
  return result;
});
