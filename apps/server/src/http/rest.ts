// The REST adapter for external callers: each procedure's `openapi` route
// (method and path from its meta, the same routes /openapi.json describes), run
// through tRPC's procedure call with the same context, answering in the shared
// envelope { error: { code, message, requestId } }. A path that exists under
// another method is 405 with Allow; a path that does not exist is the caller's 404.
// Query parameters arrive as strings: input schemas use z.coerce for numbers.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppRouter, Meta } from "@acme/api";
import { callTRPCProcedure, getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, z } from "zod";
import { sendError, sendJson } from "./respond";
import type { TrpcHandlerOptions } from "./trpc";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

interface Route {
  method: string;
  pattern: RegExp;
  params: string[];
  procedure: string;
  type: "query" | "mutation";
  takesInput: boolean;
  /** False when every input field is a path parameter: no body, no Content-Type needed. */
  takesBody: boolean;
}

interface InputSchema {
  _zod?: { def?: { type?: string; shape?: Record<string, unknown> } };
}
type ProcedureDef = { _def: { type: string; meta?: Meta; inputs: InputSchema[] } };

function routesOf(router: AppRouter): Route[] {
  const routes: Route[] = [];
  for (const [procedure, def] of Object.entries(router._def.procedures as unknown as Record<string, ProcedureDef>)) {
    const openapi = def._def.meta?.openapi;
    if (!openapi || (def._def.type !== "query" && def._def.type !== "mutation")) continue;
    const params: string[] = [];
    const source = openapi.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      params.push(name);
      return "([^/]+)";
    });
    const input = def._def.inputs[0]?._zod?.def;
    const fields = Object.keys(input?.shape ?? {});
    const takesInput = input !== undefined && input.type !== "void";
    routes.push({
      method: openapi.method,
      pattern: new RegExp(`^${source}/?$`),
      params,
      procedure,
      type: def._def.type,
      takesInput,
      // As the document has it (trpc-to-openapi): POST, PUT and PATCH take a JSON body, the rest a query.
      takesBody: takesInput && BODY_METHODS.has(openapi.method) && fields.some((field) => !params.includes(field)),
    });
  }
  return routes;
}

export interface RestRequest {
  requestId: string;
  /** Under /api/v1, query string removed. */
  path: string;
  query: string;
  body: string;
}

export function createRestHandler(router: AppRouter, options: TrpcHandlerOptions) {
  const routes = routesOf(router);

  async function run(req: IncomingMessage, res: ServerResponse, call: RestRequest, route: Route, match: string[]) {
    try {
      let input: Record<string, unknown> | undefined;
      if (route.takesInput) {
        if (route.takesBody && !req.headers["content-type"]?.toLowerCase().startsWith("application/json")) {
          throw new TRPCError({
            code: "UNSUPPORTED_MEDIA_TYPE",
            message: "Send JSON with Content-Type: application/json",
          });
        }
        const parsed: unknown = route.takesBody && call.body ? JSON.parse(call.body) : {};
        if (route.takesBody && (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "The body must be a JSON object" });
        }
        input = route.takesBody ? { ...(parsed as object) } : Object.fromEntries(new URLSearchParams(call.query));
        route.params.forEach((name, i) => {
          (input as Record<string, unknown>)[name] = decodeURIComponent(match[i] ?? "");
        });
      }
      const data = await callTRPCProcedure({
        router,
        path: route.procedure,
        getRawInput: async () => input,
        ctx: options.createContext({ req, res }),
        type: route.type,
        signal: undefined,
        batchIndex: 0,
      });
      sendJson(res, 200, data);
    } catch (cause) {
      const error =
        cause instanceof SyntaxError
          ? new TRPCError({ code: "PARSE_ERROR", message: "The body is not valid JSON", cause })
          : getTRPCErrorFromUnknown(cause);
      options.onError({ error, path: route.procedure, req });
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      sendError(
        res,
        getHTTPStatusCodeFromError(error),
        error.code,
        internal ? "Internal server error" : zod ? "Input validation failed" : error.message,
        call.requestId,
        zod ? { fields: zod.fieldErrors, formErrors: zod.formErrors } : {},
      );
    }
  }

  /** Answers the call; false when no route has this path under any method. */
  return async (req: IncomingMessage, res: ServerResponse, call: RestRequest): Promise<boolean> => {
    const subpath = call.path.slice("/api/v1".length) || "/";
    const allow: string[] = [];
    for (const route of routes) {
      const match = route.pattern.exec(subpath);
      if (!match) continue;
      if (route.method === req.method) {
        await run(req, res, call, route, match.slice(1));
        return true;
      }
      allow.push(route.method);
    }
    if (allow.length === 0) return false;
    res.setHeader("Allow", allow.join(", "));
    sendError(
      res,
      405,
      "METHOD_NOT_SUPPORTED",
      `${req.method} is not allowed here; use ${allow.join(", ")}`,
      call.requestId,
    );
    return true;
  };
}
