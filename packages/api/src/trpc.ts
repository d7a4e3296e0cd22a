// tRPC setup, in three parts: context, init, and the procedures routers build on.
// Every procedure is protected unless it is built from `publicProcedure`.
import { TRPCError } from "@trpc/server";
import { t } from "./init";
import { authedChain, publicChain } from "./middleware/chain";

// 1. Context
export { type Context, createContextInner } from "./context";

// 2. Init
export type { Meta } from "./init";
export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. Procedures
/** No credentials needed; limited per client IP. */
export const publicProcedure = t.procedure.use(publicChain);

/** request id (from the context) -> rate limit (per principal, or IP when unauthenticated) -> auth and scopes. */
export const authedProcedure = t.procedure.use(authedChain);

/**
 * For a signed-in person only (a JWT session), never an API key, which acts for an
 * organization: managing keys, one's own account and activity. `refusal` tells the key holder why.
 * An admin impersonating the person may look, never change these (a key they made, or the
 * account deleted, would outlast the impersonation).
 */
export function sessionProcedure(refusal: string) {
  return authedProcedure.use(({ ctx, type, next }) => {
    if (ctx.principal.method !== "jwt") throw new TRPCError({ code: "FORBIDDEN", message: refusal });
    if (type === "mutation" && ctx.principal.impersonatorId) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "Not while impersonating: only the account's owner can do this",
      });
    }
    return next();
  });
}
