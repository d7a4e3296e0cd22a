// Runs procedures for the tRPC and REST routes alike: one context per request
// (credentials verified once, on first use), errors normalized to TRPCErrors and
// logged only when unexpected.
import {
  type ApiDeps,
  type AppRouter,
  type Context,
  compileProcedures,
  createContextInner,
  isUnexpected,
  type Procedure,
  readCredentials,
} from "@acme/api";
import { getTRPCErrorFromUnknown, type TRPCError } from "@trpc/server";
import type { Call } from "./call";

export class Invoker {
  readonly procedures: ReadonlyMap<string, Procedure>;

  constructor(
    router: AppRouter,
    private readonly deps: ApiDeps,
  ) {
    this.procedures = compileProcedures(router);
  }

  context(call: Call): Context {
    return createContextInner({
      deps: this.deps,
      requestId: call.requestId,
      ip: call.ip,
      credentials: readCredentials((name) => call.header(name)),
      setHeader: (name, value) => call.setHeader(name, value),
      record: call,
    });
  }

  /** The procedure's data; what it throws goes through `failed` at the caller. */
  run(call: Call, ctx: Context, procedure: Procedure, input: unknown, batchIndex = 0): Promise<unknown> {
    call.procedure ??= procedure.path;
    return procedure.call(ctx, input, batchIndex);
  }

  /** A TRPCError for anything thrown (once per failure); the unexpected ones (500) are logged with their cause. */
  failed(call: Call, cause: unknown, path: string | undefined): TRPCError {
    const error = getTRPCErrorFromUnknown(cause);
    if (isUnexpected(error)) {
      this.deps.logger.error(
        { requestId: call.requestId, procedure: path, err: error.cause ?? error },
        "unexpected error",
      );
    }
    return error;
  }
}
