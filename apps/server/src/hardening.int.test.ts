// The reproductions of the hardening issue, each a test: bad input is a typed 4xx
// with the envelope and request id (never a 500, never a half-written row), wrong
// methods are 405 with Allow, oversized chunked bodies are 413, and authenticated
// answers are never cached.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { callTrpc } from "./testing/procedures";

/** Sends `bytes` as a chunked body in 64 KiB chunks; resolves with the answer (or the socket error). */
function sendChunked(url: string, bytes: number): Promise<{ status: number; body: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, closed: res.headers.connection === "close" }));
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("hardening", () => {
  let h: Harness;
  let token: string;
  let userId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ token, userId } = await h.user());
  });
  afterAll(async () => {
    await h?.stop();
  });
  const errorLines = () => h.logs.filter((line) => JSON.parse(line).level >= 50);

  it("refuses a NUL character in any stored string with a 400 field error, and writes nothing", async () => {
    const auth = bearer(token);
    const created = await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: { title: "ok" } });
    const id = created.body.id as string;
    const attempts = [
      call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: { title: "a\u0000b" } }),
      call(`${h.url}/api/v1/tasks/${id}`, { method: "PATCH", headers: auth, body: { description: "\u0000" } }),
      call(`${h.url}/api/v1/data`, { method: "POST", headers: auth, body: { content: "x\u0000" } }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({ code: "BAD_REQUEST", requestId: reply.headers.get("x-request-id") });
      expect(Object.values(reply.body.error.fields).flat()).toContain("Cannot contain NUL characters");
    }
    const trpc = await callTrpc(h.url, "tasks.create", "mutation", { title: "\u0000" }, auth);
    expect(trpc.status).toBe(400);
    const tasks = await h.api.built.deps.db.task.findMany({ where: { createdById: userId } });
    expect(tasks.map((task) => [task.title, task.description])).toEqual([["ok", null]]);
    expect(await h.api.built.deps.db.dataEntry.count({ where: { createdById: userId } })).toBe(0);
    expect(errorLines()).toEqual([]);
  });

  it("answers a malformed percent-encoding with 400 before looking at credentials", async () => {
    const warnsBefore = h.logs.filter((line) => line.includes("authentication failed")).length;
    for (const path of [
      "/api/v1/tasks/%ZZ",
      "/api/v1/files/%FF/download",
      "/trpc/%E0",
      "/api/v1/tasks?status=%E0%A4",
    ]) {
      const reply = await call(`${h.url}${path}`, { headers: { "x-api-key": "sk_bogus" } });
      expect(reply.status, path).toBe(400);
      expect(reply.body.error).toMatchObject({
        code: "BAD_REQUEST",
        message: "The URL has a malformed percent-encoding",
        requestId: reply.headers.get("x-request-id"),
      });
    }
    expect(h.logs.filter((line) => line.includes("authentication failed")).length).toBe(warnsBefore);
    expect(errorLines()).toEqual([]);
  });

  it("answers a chunked body over the limit with 413 and the envelope, then closes the connection", async () => {
    const limit = h.config.server.BODY_LIMIT_BYTES;
    for (const path of ["/api/v1/tasks", "/trpc/tasks.create", "/trpc/tasks.create?batch=1"]) {
      const reply = await sendChunked(`${h.url}${path}`, 2 * limit);
      expect(reply.status, path).toBe(413);
      expect(JSON.parse(reply.body).error).toMatchObject({
        code: "PAYLOAD_TOO_LARGE",
        message: `Request bodies are limited to ${limit} bytes`,
      });
      expect(reply.closed).toBe(true);
    }
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/api/v1/tasks", "GET, POST"],
      ["PUT", "/api/v1/tasks/01900000-0000-7000-8000-000000000000", "GET, PATCH, DELETE"],
      ["POST", "/health", "GET"],
      ["DELETE", "/openapi.json", "GET"],
    ];
    for (const [method, path, allow] of cases) {
      const reply = await call(`${h.url}${path}`, { method });
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.headers.get("allow")).toBe(allow);
      expect(reply.body.error).toMatchObject({ code: "METHOD_NOT_SUPPORTED", requestId: expect.any(String) });
    }
    expect((await call(`${h.url}/api/v1/nothing`)).status).toBe(404);
  });

  it("finishes an upload without a body or Content-Type, as documented", async () => {
    const reply = await fetch(`${h.url}/api/v1/files/01900000-0000-7000-8000-000000000000/complete`, {
      method: "POST",
      headers: bearer(token),
    });
    expect(reply.status).toBe(404);
  });

  it("marks every answer no-store, authenticated ones included", async () => {
    const me = await call(`${h.url}/api/v1/me`, { headers: bearer(token) });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    const trpc = await fetch(`${h.url}/trpc/me`, { headers: bearer(token) });
    expect(trpc.headers.get("cache-control")).toBe("no-store");
    expect((await call(`${h.url}/api/v1/tasks`)).headers.get("cache-control")).toBe("no-store");
  });
});
