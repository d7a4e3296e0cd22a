// tRPC init: the transformer and the error shape (request id, flattened zod errors).
import type { Permission } from "@acme/auth/permissions";
import { initTRPC } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError, z } from "zod";
import type { Context } from "./context";
import { transformer } from "./transformer";

export interface Meta extends OpenApiMeta {
  /**
   * What the caller must be allowed to do in its organization: a session's role
   * must hold it (packages/auth/src/permissions.ts), an API key the matching scope.
   * Every authed procedure declares one, or `permission: "none"` (e.g. `me`).
   */
  permission?: Permission | "none";
  /**
   * A download (a CSV streamed as it is read): served by the REST route only, which writes
   * the returned Download's chunks; /openapi.json documents it as text/csv.
   */
  download?: "csv";
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
