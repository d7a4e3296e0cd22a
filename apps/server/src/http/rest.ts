// The REST adapter for external callers: each procedure's `openapi` route
// (method and path from its meta, the same routes /openapi.json describes), run
// by the shared invoker with the same context as tRPC calls, answering in the shared
// envelope { error: { code, message, requestId } }. A path that exists under
// another method is 405 with Allow; a path that does not exist is the caller's 404.
// Query parameters arrive as strings: input schemas use z.coerce for numbers.
import { type AppRouter, isDownload, type Meta, type Procedure } from "@acme/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, z } from "zod";
import type { Call } from "./call";
import type { Invoker } from "./invoke";
import type { Responder } from "./respond";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

interface Route {
  method: string;
  /** The OpenAPI path, `/tasks/{id}`. */
  path: string;
  pattern: RegExp;
  params: string[];
  procedure: Procedure;
  takesInput: boolean;
  /** False when every input field is a path parameter: no body, no Content-Type needed. */
  takesBody: boolean;
}

interface InputSchema {
  _zod?: { def?: { type?: string; shape?: Record<string, unknown> } };
}
type ProcedureDef = { _def: { type: string; meta?: Meta; inputs: InputSchema[] } };

function routesOf(router: AppRouter, invoker: Invoker): Route[] {
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
    const compiled = invoker.procedures.get(procedure);
    if (!compiled) throw new Error(`REST route for an unknown procedure: ${procedure}`);
    routes.push({
      method: openapi.method,
      path: openapi.path,
      pattern: new RegExp(`^${source}/?$`),
      params,
      procedure: compiled,
      takesInput,
      // As the document has it (trpc-to-openapi): POST, PUT and PATCH take a JSON body, the rest a query.
      takesBody: takesInput && BODY_METHODS.has(openapi.method) && fields.some((field) => !params.includes(field)),
    });
  }
  return routes;
}

/** The REST routes under /api/v1; answers false when no route has the path under any method. */
export function createRestRoute(router: AppRouter, invoker: Invoker, responder: Responder) {
  // Routes by their path's first segment (`/tasks/{id}` under "tasks"), so a call tries only its own.
  const bySegment = new Map<string, Route[]>();
  const anySegment: Route[] = [];
  for (const route of routesOf(router, invoker)) {
    const segment = route.path.split("/")[1] ?? "";
    if (segment.startsWith("{")) anySegment.push(route);
    else bySegment.set(segment, [...(bySegment.get(segment) ?? []), route]);
  }
  const candidates = (subpath: string): Route[] => {
    const end = subpath.indexOf("/", 1);
    const own = bySegment.get(subpath.slice(1, end === -1 ? undefined : end)) ?? [];
    return anySegment.length === 0 ? own : [...own, ...anySegment];
  };

  async function run(call: Call, body: string, route: Route, match: string[]): Promise<void> {
    try {
      let input: Record<string, unknown> | undefined;
      if (route.takesInput) {
        if (route.takesBody && !call.sendsJson()) {
          throw new TRPCError({
            code: "UNSUPPORTED_MEDIA_TYPE",
            message: "Send JSON with Content-Type: application/json",
          });
        }
        const parsed: unknown = route.takesBody && body ? JSON.parse(body) : {};
        if (route.takesBody && (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "The body must be a JSON object" });
        }
        input = route.takesBody ? { ...(parsed as object) } : Object.fromEntries(new URLSearchParams(call.query));
        route.params.forEach((name, i) => {
          (input as Record<string, unknown>)[name] = decodeURIComponent(match[i] ?? "");
        });
      }
      const data = await invoker.run(call, invoker.context(call), route.procedure, input);
      if (isDownload(data)) await responder.stream(call, data);
      else responder.json(call, 200, data);
    } catch (cause) {
      const error =
        cause instanceof SyntaxError
          ? new TRPCError({ code: "PARSE_ERROR", message: "The body is not valid JSON", cause })
          : invoker.failed(call, cause, route.procedure.path);
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      responder.error(
        call,
        getHTTPStatusCodeFromError(error),
        error.code,
        internal ? "Internal server error" : zod ? "Input validation failed" : error.message,
        zod ? { fields: zod.fieldErrors, formErrors: zod.formErrors } : undefined,
      );
    }
  }

  return async (call: Call, body: string): Promise<boolean> => {
    const subpath = call.path.slice("/api/v1".length) || "/";
    const allow: string[] = [];
    for (const route of candidates(subpath)) {
      const match = route.pattern.exec(subpath);
      if (!match) continue;
      if (route.method === call.method) {
        await run(call, body, route, match.slice(1));
        return true;
      }
      allow.push(route.method);
    }
    if (allow.length === 0) return false;
    call.setHeader("Allow", allow.join(", "));
    responder.error(call, 405, "METHOD_NOT_SUPPORTED", `${call.method} is not allowed here; use ${allow.join(", ")}`);
    return true;
  };
}
