// tRPC init: the transformer and the error shape (request id, flattened zod errors).
import type { Scope } from "@acme/auth/scopes";
import { initTRPC } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError, z } from "zod";
import type { Context } from "./context";
import { transformer } from "./transformer";

export interface Meta extends OpenApiMeta {
  /** Scopes an API key needs; JWT sessions hold them all. */
  scopes?: Scope[];
}

export const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    errorFormatter({ shape, error, ctx }) {
      const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      return {
        ...shape,
        message: error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId ?? null,
          zodError,
        },
      };
    },
  });
