// createServer(config) -> { start, stop }. HTTP concerns only, in this order: request
// id and client IP, security headers, malformed URLs (400), CORS, the per-IP
// pre-auth limit, health and readiness, docs, the body (413 past the limit), and the
// tRPC and REST adapters; everything else lives in packages/api.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter, openApiDocument } from "@acme/api";
import { clientIp, trustedProxies } from "@acme/config/client-ip";
import type { Logger } from "pino";
import type { ServerConfig } from "./config";
import { type BuiltDeps, buildDeps } from "./deps";
import { hasBody, readBody } from "./http/body";
import { isDocsPath, serveDocs } from "./http/docs";
import { handleCors, setSecurityHeaders } from "./http/headers";
import { readiness } from "./http/ready";
import { requestIdFrom } from "./http/request-id";
import { sendError, sendJson, sendTooMany } from "./http/respond";
import { createRestHandler } from "./http/rest";
import { createTrpcHandler, createTrpcOptions, requestState } from "./http/trpc";
import { createSingleCallHandler } from "./http/trpc-single";
import { wellEncoded } from "./http/url";
import { createLogger } from "./logger";

export interface ApiServer {
  readonly url: string;
  readonly built: BuiltDeps;
  start(): Promise<string>;
  stop(): Promise<void>;
}

export function createServer(config: ServerConfig, options: { logger?: Logger } = {}): ApiServer {
  const env = config.server;
  const production = env.NODE_ENV === "production";
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, production });
  const built = buildDeps(config, logger);
  const trpcOptions = createTrpcOptions(built.deps);
  const trpc = createTrpcHandler(appRouter, trpcOptions);
  const trpcSingle = createSingleCallHandler(appRouter, trpcOptions);
  const restHandler = createRestHandler(appRouter, trpcOptions);
  const proxies = trustedProxies(env.TRUST_PROXY);
  const origins = new Set(env.CORS_ORIGINS);
  let openApi: unknown;
  const document = () => {
    openApi ??= openApiDocument(`${env.PUBLIC_URL}/api/v1`);
    return openApi;
  };

  function logRequest(req: IncomingMessage, res: ServerResponse, path: string): void {
    const state = requestState.get(req);
    if (!state) return;
    const durationMs = Number(process.hrtime.bigint() - state.startedAt) / 1e6;
    const line = {
      requestId: state.requestId,
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: Math.round(durationMs * 100) / 100,
      principal: state.principal?.keyId ?? state.principal?.userId,
      auth: state.principal?.method,
      authFailure: state.authFailure,
    };
    if (res.statusCode >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  }

  const methodNotAllowed = (res: ServerResponse, requestId: string, method = "GET") => {
    res.setHeader("Allow", method);
    sendError(res, 405, "METHOD_NOT_SUPPORTED", `Only ${method} is allowed here`, requestId);
  };

  /** The body, or null once a 413 went out (or the client went away). */
  async function bodyOf(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<string | null> {
    if (!hasBody(req.method)) return "";
    const body = await readBody(req, env.BODY_LIMIT_BYTES);
    if (body.ok) return body.text;
    if (body.reason === "too_large") {
      res.setHeader("Connection", "close");
      sendError(
        res,
        413,
        "PAYLOAD_TOO_LARGE",
        `Request bodies are limited to ${env.BODY_LIMIT_BYTES} bytes`,
        requestId,
      );
    }
    return null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    const ip = clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
    requestState.set(req, { requestId, ip, startedAt: process.hrtime.bigint() });
    res.setHeader("X-Request-ID", requestId);
    setSecurityHeaders(res, production);
    const url = req.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const query = queryStart === -1 ? "" : url.slice(queryStart + 1);
    res.on("finish", () => logRequest(req, res, path));

    if (url.includes("%") && !wellEncoded(url)) {
      return sendError(res, 400, "BAD_REQUEST", "The URL has a malformed percent-encoding", requestId);
    }
    if (handleCors(req, res, origins)) return;
    const budget = await built.preAuth.take(ip);
    if (!budget.allowed) {
      return sendTooMany(res, budget, `Too many requests; retry in ${budget.resetSeconds}s`, requestId);
    }

    if (path === "/health" || path === "/ready") {
      if (req.method !== "GET") return methodNotAllowed(res, requestId);
      if (path === "/health") return sendJson(res, 200, { status: "ok" });
      const report = await readiness(built.deps, built.jwks, built.redis);
      return sendJson(res, report.status === "ready" ? 200 : 503, { ...report, requestId });
    }
    if (isDocsPath(path)) {
      if (req.method !== "GET") return methodNotAllowed(res, requestId);
      if (await serveDocs(path, res, document)) return;
    }
    const rest = path === "/api/v1" || path.startsWith("/api/v1/");
    if (rest || path.startsWith("/trpc/")) {
      const body = await bodyOf(req, res, requestId);
      if (body === null) return;
      if (rest) {
        if (await restHandler(req, res, { requestId, path, query, body })) return;
      } else {
        if (await trpcSingle(req, res, path, query, body)) return;
        // tRPC's adapter takes a body already read from `req.body`.
        (req as IncomingMessage & { body?: string }).body = body;
        return trpc(req, res);
      }
    }
    sendError(res, 404, "NOT_FOUND", `No route for ${req.method} ${path}`, requestId);
  }

  const server = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const requestId = requestState.get(req)?.requestId ?? "unknown";
      logger.error({ requestId, err: error }, "unhandled error");
      if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error", requestId);
      else res.destroy();
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
