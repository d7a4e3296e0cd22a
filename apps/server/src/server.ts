// createServer(config) -> { start, stop }. One request pipeline: the request is
// parsed once into a Call (id, client IP, method, path, query, allowed origin),
// then: malformed URLs (400), CORS preflight, the per-IP pre-auth limit, the body
// (413 past the limit), one route (tRPC single and batched calls, REST, health,
// readiness, docs), one response writer and one log line. Everything about
// procedures lives in packages/api.
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter, openApiDocument } from "@acme/api";
import { clientIp, trustedProxies } from "@acme/config/client-ip";
import type { Logger } from "pino";
import type { ServerConfig } from "./config";
import { type BuildOptions, type BuiltDeps, buildDeps } from "./deps";
import { accessLog } from "./http/access-log";
import { hasBody, readBody } from "./http/body";
import { Call } from "./http/call";
import { isDocsPath, serveDocs } from "./http/docs";
import { PREFLIGHT } from "./http/headers";
import { Invoker } from "./http/invoke";
import { readiness } from "./http/ready";
import { requestIdFrom } from "./http/request-id";
import { Responder } from "./http/respond";
import { createRestRoute } from "./http/rest";
import { createTrpcRoute } from "./http/trpc";
import { wellEncoded } from "./http/url";
import { createLogger } from "./logger";

export interface ApiServer {
  readonly url: string;
  readonly built: BuiltDeps;
  start(): Promise<string>;
  stop(): Promise<void>;
}

export function createServer(config: ServerConfig, options: BuildOptions & { logger?: Logger } = {}): ApiServer {
  const env = config.server;
  const production = env.NODE_ENV === "production";
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, production });
  const built = buildDeps(config, logger, options);
  const responder = new Responder(production, accessLog(logger), (call, error) =>
    logger.error({ requestId: call.requestId, err: error }, "answer could not be written"),
  );
  const invoker = new Invoker(appRouter, built.deps);
  const trpcRoute = createTrpcRoute(appRouter, invoker, responder);
  const restRoute = createRestRoute(appRouter, invoker, responder);
  const proxies = trustedProxies(env.TRUST_PROXY);
  const origins = new Set(env.CORS_ORIGINS);
  let openApi: unknown;
  const document = () => {
    openApi ??= openApiDocument(`${env.PUBLIC_URL}/api/v1`);
    return openApi;
  };

  const methodNotAllowed = (call: Call, method = "GET") => {
    call.setHeader("Allow", method);
    responder.error(call, 405, "METHOD_NOT_SUPPORTED", `Only ${method} is allowed here`);
  };

  /** The body, or null once a 413 went out (or the client went away). */
  async function bodyOf(call: Call): Promise<string | null> {
    if (!hasBody(call.method)) return "";
    const body = await readBody(call.req, env.BODY_LIMIT_BYTES);
    if (body.ok) return body.text;
    if (body.reason === "too_large") {
      call.setHeader("Connection", "close");
      responder.error(call, 413, "PAYLOAD_TOO_LARGE", `Request bodies are limited to ${env.BODY_LIMIT_BYTES} bytes`);
    }
    return null;
  }

  async function handle(call: Call, url: string): Promise<void> {
    if (url.includes("%") && !wellEncoded(url)) {
      return responder.error(call, 400, "BAD_REQUEST", "The URL has a malformed percent-encoding");
    }
    if (call.method === "OPTIONS" && call.origin !== undefined) return responder.empty(call, 204, PREFLIGHT);
    const budget = await built.preAuth.take(call.ip);
    if (!budget.allowed) return responder.tooMany(call, budget, `Too many requests; retry in ${budget.resetSeconds}s`);

    const path = call.path;
    if (path.startsWith("/trpc/")) {
      const body = await bodyOf(call);
      return body === null ? undefined : trpcRoute(call, body);
    }
    if (path === "/api/v1" || path.startsWith("/api/v1/")) {
      const body = await bodyOf(call);
      if (body === null || (await restRoute(call, body))) return;
    } else if (path === "/health" || path === "/ready") {
      if (call.method !== "GET") return methodNotAllowed(call);
      if (path === "/health") return responder.json(call, 200, { status: "ok" });
      const report = await readiness(built.deps, built.jwks, built.redis);
      return responder.json(call, report.status === "ready" ? 200 : 503, { ...report, requestId: call.requestId });
    } else if (isDocsPath(path)) {
      if (call.method !== "GET") return methodNotAllowed(call);
      if (await serveDocs(call, responder, document)) return;
    }
    responder.error(call, 404, "NOT_FOUND", `No route for ${call.method} ${path}`);
  }

  const server = createHttpServer((req, res) => {
    const url = req.url ?? "/";
    const queryStart = url.indexOf("?");
    const headers = req.headers;
    const origin = headers.origin;
    const call = new Call(
      req,
      res,
      requestIdFrom(headers["x-request-id"]),
      clientIp(req.socket.remoteAddress, headers["x-forwarded-for"], proxies),
      req.method ?? "GET",
      queryStart === -1 ? url : url.slice(0, queryStart),
      queryStart === -1 ? "" : url.slice(queryStart + 1),
      origin !== undefined && origins.has(origin) ? origin : undefined,
    );
    handle(call, url).catch((error: unknown) => {
      logger.error({ requestId: call.requestId, err: error }, "unhandled error");
      if (!call.answered) responder.error(call, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;

  let url = "";
  return {
    get url() {
      return url;
    },
    built,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(env.PORT, env.HOST, () => {
          server.off("error", reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
      return url;
    },
    async stop() {
      // Stop accepting, let in-flight requests finish (bounded), then close the pools.
      // Keep-alive connections are closed as soon as they fall idle.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, env.SHUTDOWN_TIMEOUT_MS).unref());
      await Promise.race([closed, timeout]);
      clearInterval(sweep);
      server.closeAllConnections();
      await built.close();
    },
  };
}
