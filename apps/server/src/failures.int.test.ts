// Bad input, oversize bodies and files, and services going away: typed answers,
// never a 500, never a half-written record.
import { createApiKeyService } from "@acme/auth";
import { createApiClient, TRPCClientError } from "@acme/client";
import { startTcpProxy } from "@acme/config/tcp-proxy";
import { createTestDatabase } from "@acme/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, bearer, call } from "./testing/http";

describe("bad input and oversize payloads", () => {
  let h: Harness;
  let token: string;
  let userId: string;
  beforeAll(async () => {
    h = await startHarness({ env: { BODY_LIMIT_BYTES: "20000", FILE_MAX_BYTES: "1000" } });
    ({ token, userId } = await h.user());
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("answers 400 with field errors over REST and tRPC", async () => {
    const rest = await call(`${h.url}/api/v1/tasks`, {
      method: "POST",
      headers: bearer(token),
      body: { title: "", status: "someday" },
    });
    expect(rest.status).toBe(400);
    expect(rest.body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(rest.body.error.fields).sort()).toEqual(["status", "title"]);

    const api = createApiClient({ url: h.url, getToken: () => token });
    const error = await api.tasks.list.query({ limit: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<never>).data as unknown as {
      httpStatus: number;
      zodError: { fieldErrors: object };
    };
    expect(data.httpStatus).toBe(400);
    expect(data.zodError.fieldErrors).toHaveProperty("limit");

    const badId = await call(`${h.url}/api/v1/tasks/not-a-uuid`, { headers: bearer(token) });
    expect(badId.status).toBe(400);
    const badJson = await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: bearer(token), body: "{not json" });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toMatchObject({ code: "PARSE_ERROR", requestId: badJson.headers.get("x-request-id") });
    const notJson = await fetch(`${h.url}/api/v1/tasks`, {
      method: "POST",
      headers: { ...bearer(token), "content-type": "text/plain" },
      body: "title=x",
    });
    expect(notJson.status).toBe(415);
    const nowhere = await call(`${h.url}/api/v1/nope`, { headers: bearer(token) });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.code).toBe("NOT_FOUND");
    expect(await h.auth.db.task.count({ where: { createdById: userId } })).toBe(0);
  });

  it("refuses an oversize body with 413 before reading it, on REST and tRPC", async () => {
    const big = { content: "x".repeat(30_000) };
    const rest = await call(`${h.url}/api/v1/data`, { method: "POST", headers: bearer(token), body: big });
    expect(rest.status).toBe(413);
    expect(rest.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const trpc = await call(`${h.url}/trpc/data.submit`, {
      method: "POST",
      headers: bearer(token),
      body: { json: big },
    });
    expect(trpc.status).toBe(413);
    expect(await h.auth.db.dataEntry.count({ where: { createdById: userId } })).toBe(0);
  });

  it("refuses an oversize file and leaves no row", async () => {
    const declared = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: bearer(token),
      body: { filename: "big.bin", contentType: "application/octet-stream", size: 5000 },
    });
    expect(declared.status).toBe(413);

    // Declared small, uploaded big: found at completion, object and row removed.
    const started = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: bearer(token),
      body: { filename: "liar.bin", contentType: "application/octet-stream", size: 10 },
    });
    await fetch(started.body.uploadUrl, { method: "PUT", body: Buffer.alloc(4000, 1) });
    const done = await call(`${h.url}/api/v1/files/${started.body.file.id}/complete`, {
      method: "POST",
      headers: bearer(token),
      body: {},
    });
    expect(done.status).toBe(400);
    expect(done.body.error.message).toContain("discarded");
    expect(await h.auth.db.storedFile.count({ where: { createdById: userId } })).toBe(0);
    expect(await h.api.built.deps.store.stat(`${userId}/${started.body.file.id}`)).toBeNull();
  });

  it("refuses content that is not the declared type, and a completion before any upload", async () => {
    const started = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: bearer(token),
      body: { filename: "fake.png", contentType: "image/png", size: 9 },
    });
    const early = await call(`${h.url}/api/v1/files/${started.body.file.id}/complete`, {
      method: "POST",
      headers: bearer(token),
      body: {},
    });
    expect(early.status).toBe(400);
    await fetch(started.body.uploadUrl, { method: "PUT", body: "%PDF-1.7\n" });
    const done = await call(`${h.url}/api/v1/files/${started.body.file.id}/complete`, {
      method: "POST",
      headers: bearer(token),
      body: {},
    });
    expect(done.status).toBe(400);
    expect(done.body.error.message).toContain("application/pdf, not image/png");
    expect(await h.auth.db.storedFile.count({ where: { createdById: userId } })).toBe(0);
  });
});

describe("services going away", () => {
  it("S3 down: 503, and no orphan row", async () => {
    const h = await startHarness();
    try {
      const { token, userId } = await h.user();
      await h.s3.stop();
      const reply = await call(`${h.url}/api/v1/files`, {
        method: "POST",
        headers: bearer(token),
        body: { filename: "a.txt", contentType: "text/plain", size: 3 },
      });
      expect(reply.status).toBe(503);
      expect(reply.body.error.code).toBe("SERVICE_UNAVAILABLE");
      expect(await h.auth.db.storedFile.count({ where: { createdById: userId } })).toBe(0);
      const ready = await call(`${h.url}/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.checks.s3.status).toBe("down");
    } finally {
      await h.stop().catch(() => {});
    }
  });

  it("Postgres down: a fast 503, then recovery", async () => {
    const database = await createTestDatabase({ migrate: true });
    const url = new URL(database.url);
    const proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    const h = await startHarness({ database });
    // Point the API (not the auth server) at Postgres through the proxy.
    await h.api.stop();
    const proxied = new URL(database.url);
    proxied.port = String(proxy.port);
    const { createServer } = await import("./server");
    const api = createServer(
      { ...h.config, db: { url: proxied.toString(), poolSize: 2, connectTimeoutMs: 1000 } },
      { logger: pino({ level: process.env.DEBUG_PG ? "error" : "silent" }) },
    );
    const base = await api.start();
    try {
      const { userId } = await h.user();
      const { key } = await createApiKeyService(h.auth.auth).create(userId, { name: "k", scopes: ["tasks:read"] });
      expect((await call(`${base}/api/v1/tasks`, { headers: apiKey(key) })).status).toBe(200);

      await proxy.cut();
      const started = Date.now();
      const down = await call(`${base}/api/v1/tasks`, { headers: apiKey(key) });
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe("SERVICE_UNAVAILABLE");
      expect(Date.now() - started).toBeLessThan(3_000);
      expect((await call(`${base}/ready`)).status).toBe(503);

      await proxy.restore();
      const back = await call(`${base}/api/v1/tasks`, { headers: apiKey(key) });
      expect(back.status).toBe(200);
    } finally {
      await api.stop();
      await h.auth.stop().catch(() => {});
      await proxy.stop();
      await database.drop();
    }
  });
});
