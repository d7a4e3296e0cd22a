// tRPC setup, in three parts: context, init, and the procedures routers build on.
// Every procedure is protected unless it is built from `publicProcedure`.
import { t } from "./init";
import { authenticated } from "./middleware/auth";
import { mapErrors } from "./middleware/map-errors";
import { rateLimit } from "./middleware/rate-limit";

// 1. Context
export { type Context, createContextInner } from "./context";

// 2. Init
export type { Meta } from "./init";
export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. Procedures
const base = t.procedure.use(mapErrors);

/** No credentials needed; limited per client IP. */
export const publicProcedure = base.use(rateLimit("ip"));

/** request id -> rate limit (per principal, or per IP when unauthenticated) -> auth and scopes. */
export const authedProcedure = base.use(rateLimit("principal")).use(authenticated);
