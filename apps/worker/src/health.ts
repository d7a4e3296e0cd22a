// The worker's health port: GET /health answers while the process runs; GET /ready
// answers 200 only while the worker reaches Postgres through its job queue's own pool
// (a query within two seconds), 503 otherwise: what an orchestrator's probes need.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { JobQueue } from "@acme/jobs";

const READY_TIMEOUT_MS = 2_000;

async function reachesPostgres(queue: JobQueue): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const query = queue.boss
    .getDb()
    .executeSql("SELECT 1")
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(queue: JobQueue, port: number, host = "0.0.0.0"): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: object) => {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "GET") return reply(405, { error: "GET only" });
    if (request.url === "/health") return reply(200, { status: "ok" });
    if (request.url !== "/ready") return reply(404, { error: "GET /health or /ready" });
    void reachesPostgres(queue).then((ok) =>
      reply(ok ? 200 : 503, ok ? { status: "ready" } : { status: "unavailable", postgres: "unreachable" }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
