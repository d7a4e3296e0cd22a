// createServer(config) -> { start, stop }. HTTP concerns only: request id, security
// headers, CORS, body limit, health and readiness, docs, and the tRPC and REST
// adapters; everything else lives in packages/api.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter, openApiDocument } from "@acme/api";
import type { Logger } from "pino";
import type { ServerConfig } from "./config";
import { type BuiltDeps, buildDeps } from "./deps";
import { serveDocs } from "./http/docs";
import { handleCors, setSecurityHeaders } from "./http/headers";
import { readiness } from "./http/ready";
import { requestIdFrom } from "./http/request-id";
import { sendError, sendJson } from "./http/respond";
import { createRestHandler } from "./http/rest";
import { clientIp, createTrpcHandler, createTrpcOptions, requestState } from "./http/trpc";
import { createSingleCallHandler } from "./http/trpc-single";
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
  const trpcOptions = createTrpcOptions(built.deps, env.BODY_LIMIT_BYTES);
  const trpc = createTrpcHandler(appRouter, trpcOptions);
  const trpcSingle = createSingleCallHandler(appRouter, trpcOptions);
  const rest = createRestHandler(appRouter, trpcOptions);
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    requestState.set(req, { requestId, ip: clientIp(req, env.TRUST_PROXY), startedAt: process.hrtime.bigint() });
    res.setHeader("X-Request-ID", requestId);
    setSecurityHeaders(res, production);
    const url = req.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    res.on("finish", () => logRequest(req, res, path));

    if (handleCors(req, res, origins)) return;
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > env.BODY_LIMIT_BYTES) {
      res.setHeader("Connection", "close");
      return sendError(
        res,
        413,
        "PAYLOAD_TOO_LARGE",
        `Request bodies are limited to ${env.BODY_LIMIT_BYTES} bytes`,
        requestId,
      );
    }

    if (path === "/health" && req.method === "GET") return sendJson(res, 200, { status: "ok" });
    if (path === "/ready" && req.method === "GET") {
      const report = await readiness(built.deps, built.jwks, built.redis);
      return sendJson(res, report.status === "ready" ? 200 : 503, { ...report, requestId });
    }
    if (path.startsWith("/trpc/")) {
      if (await trpcSingle(req, res, path, queryStart === -1 ? "" : url.slice(queryStart + 1))) return;
      return trpc(req, res);
    }
    if (path === "/api/v1" || path.startsWith("/api/v1/")) {
      const query = queryStart === -1 ? "" : url.slice(queryStart + 1);
      if (await rest(req, res, requestId, path, query)) return;
      return sendError(res, 404, "NOT_FOUND", `No route for ${req.method} ${path}`, requestId);
    }
    if (req.method === "GET" && (await serveDocs(path, res, document))) return;
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
