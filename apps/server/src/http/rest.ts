// The REST adapter for external callers: each procedure's `openapi` route
// (method and path from its meta, the same routes /openapi.json describes), run
// through tRPC's procedure call with the same context, answering in the shared
// envelope { error: { code, message, requestId } }. It replaces trpc-to-openapi's
// request handler, which built a caller, an abort signal and a DOMException per
// request; trpc-to-openapi still generates the document. Returns false for paths
// that are no route. Query parameters arrive as strings: input schemas use
// z.coerce for numbers.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppRouter, Meta } from "@acme/api";
import { callTRPCProcedure, getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, z } from "zod";
import { readBody } from "./body";
import { sendError, sendJson } from "./respond";
import type { TrpcHandlerOptions } from "./trpc";

interface Route {
  method: string;
  pattern: RegExp;
  params: string[];
  procedure: string;
  type: "query" | "mutation";
  takesInput: boolean;
}

type ProcedureDef = { _def: { type: string; meta?: Meta; inputs: { _zod?: { def?: { type?: string } } }[] } };

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
    const first = def._def.inputs[0];
    routes.push({
      method: openapi.method,
      pattern: new RegExp(`^${source}/?$`),
      params,
      procedure,
      type: def._def.type,
      takesInput: first !== undefined && first._zod?.def?.type !== "void",
    });
  }
  return routes;
}

export function createRestHandler(router: AppRouter, options: TrpcHandlerOptions) {
  const routes = routesOf(router);
  return async (req: IncomingMessage, res: ServerResponse, requestId: string, path: string, query: string) => {
    const subpath = path.slice("/api/v1".length) || "/";
    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of routes) {
      if (candidate.method !== req.method) continue;
      match = candidate.pattern.exec(subpath);
      if (match) {
        route = candidate;
        break;
      }
    }
    if (!route || !match) return false;

    let ctx: ReturnType<TrpcHandlerOptions["createContext"]> | undefined;
    try {
      let input: Record<string, unknown> | undefined;
      if (route.takesInput) {
        const hasBody = req.method === "POST" || req.method === "PATCH" || req.method === "PUT";
        if (hasBody && !req.headers["content-type"]?.toLowerCase().startsWith("application/json")) {
          throw new TRPCError({
            code: "UNSUPPORTED_MEDIA_TYPE",
            message: "Send JSON with Content-Type: application/json",
          });
        }
        const raw = hasBody ? await readBody(req, options.maxBodySize) : "";
        input = hasBody
          ? { ...(raw ? (JSON.parse(raw) as object) : {}) }
          : Object.fromEntries(new URLSearchParams(query));
        route.params.forEach((name, i) => {
          (input as Record<string, unknown>)[name] = decodeURIComponent(match[i + 1] ?? "");
        });
      }
      ctx = options.createContext({ req, res });
      const data = await callTRPCProcedure({
        router,
        path: route.procedure,
        getRawInput: async () => input,
        ctx,
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
      const status = getHTTPStatusCodeFromError(error);
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      if (error.code === "PAYLOAD_TOO_LARGE") res.setHeader("Connection", "close");
      sendError(
        res,
        status,
        error.code,
        internal ? "Internal server error" : zod ? "Input validation failed" : error.message,
        requestId,
        zod ? { fields: zod.fieldErrors, formErrors: zod.formErrors } : {},
      );
    }
    return true;
  };
}
