// Every procedure's happy path, over tRPC (typed client) and over REST (API key).

import { createApiKeyService } from "@acme/auth";
import { createApiClient } from "@acme/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, call } from "./testing/http";

describe("API happy paths", () => {
  let h: Harness;
  let user: Awaited<ReturnType<Harness["user"]>>;
  let key: string;

  beforeAll(async () => {
    h = await startHarness();
    user = await h.user();
    const keys = createApiKeyService(h.auth.auth);
    key = (
      await keys.create(user.userId, {
        name: "all",
        scopes: ["tasks:read", "tasks:write", "files:read", "files:write", "data:write"],
      })
    ).key;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("health and me over tRPC with a JWT", async () => {
    const api = createApiClient({ url: h.url, getToken: () => user.token });
    expect(await api.health.query()).toEqual({ status: "ok" });
    const me = await api.me.query();
    expect(me).toMatchObject({ userId: user.userId, method: "jwt", email: user.email, keyId: null });
    expect(me.scopes).toContain("tasks:write");
    expect(me.requestId).toMatch(/^[\w-]+$/);
  });

  it("tasks: create, list with filter and pages, get, update, delete over tRPC", async () => {
    const api = createApiClient({ url: h.url, getToken: () => user.token });
    const created = [];
    for (let i = 1; i <= 3; i++) created.push(await api.tasks.create.mutate({ title: `Task ${i}` }));
    expect(created[0]).toMatchObject({ title: "Task 1", status: "pending", description: null });
    expect(created[0]?.createdAt).toBeInstanceOf(Date);

    const updated = await api.tasks.update.mutate({
      id: created[1]?.id ?? "",
      status: "completed",
      description: "done",
    });
    expect(updated).toMatchObject({ status: "completed", description: "done", title: "Task 2" });

    const page = await api.tasks.list.query({ limit: 2 });
    expect(page.total).toEqual({ count: 3, exact: true });
    expect(page.items.map((t) => t.title)).toEqual(["Task 3", "Task 2"]);
    const next = await api.tasks.list.query({ limit: 2, cursor: page.nextCursor ?? "" });
    expect(next).toMatchObject({ nextCursor: null, total: null });
    expect(next.items.map((t) => t.title)).toEqual(["Task 1"]);
    const completed = await api.tasks.list.query({ status: "completed" });
    expect(completed.items.map((t) => t.id)).toEqual([created[1]?.id]);
    expect(completed.items[0]?.updatedAt).toEqual(updated.updatedAt);
    expect(completed.total).toEqual({ count: 1, exact: true });

    expect(await api.tasks.byId.query({ id: created[0]?.id ?? "" })).toMatchObject({ title: "Task 1" });
    expect(await api.tasks.delete.mutate({ id: created[0]?.id ?? "" })).toEqual({ id: created[0]?.id, deleted: true });
    expect((await api.tasks.list.query({})).total).toEqual({ count: 2, exact: true });
  });

  it("data.submit over tRPC and REST", async () => {
    const api = createApiClient({ url: h.url, apiKey: key });
    const entry = await api.data.submit.mutate({ content: "hello" });
    expect(entry).toMatchObject({ content: "hello" });
    const rest = await call(`${h.url}/api/v1/data`, {
      method: "POST",
      headers: apiKey(key),
      body: { content: "via REST" },
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ content: "via REST" });
    expect(await h.auth.db.dataEntry.count({ where: { createdById: user.userId } })).toBe(2);
  });

  it("me and tasks over REST with an API key", async () => {
    const me = await call(`${h.url}/api/v1/me`, { headers: apiKey(key) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: user.userId, method: "apiKey" });
    expect(me.body.requestId).toBe(me.headers.get("x-request-id"));

    const created = await call(`${h.url}/api/v1/tasks`, {
      method: "POST",
      headers: apiKey(key),
      body: { title: "REST task" },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect((await call(`${h.url}/api/v1/tasks/${id}`, { headers: apiKey(key) })).body).toMatchObject({
      title: "REST task",
    });
    const patched = await call(`${h.url}/api/v1/tasks/${id}`, {
      method: "PATCH",
      headers: apiKey(key),
      body: { status: "in_progress" },
    });
    expect(patched.body).toMatchObject({ id, status: "in_progress" });
    const list = await call(`${h.url}/api/v1/tasks?status=in_progress&limit=5`, { headers: apiKey(key) });
    expect(list.body).toMatchObject({ total: { count: 1, exact: true }, nextCursor: null });
    expect((await call(`${h.url}/api/v1/tasks/${id}`, { method: "DELETE", headers: apiKey(key) })).body).toEqual({
      id,
      deleted: true,
    });
    expect((await call(`${h.url}/api/v1/tasks/${id}`, { headers: apiKey(key) })).status).toBe(404);
  });

  it("files: upload through the presigned URL, complete, list, download byte-identical, delete", async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5000, 7)]);
    const started = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: apiKey(key),
      body: { filename: "pixel.png", contentType: "image/png", size: bytes.length },
    });
    expect(started.status).toBe(200);
    expect(started.body.file).toMatchObject({ status: "pending", size: bytes.length });
    const put = await fetch(started.body.uploadUrl, { method: "PUT", body: bytes });
    expect(put.status).toBe(200);

    const id = started.body.file.id as string;
    const done = await call(`${h.url}/api/v1/files/${id}/complete`, { method: "POST", headers: apiKey(key), body: {} });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id, status: "ready", contentType: "image/png" });

    const api = createApiClient({ url: h.url, getToken: () => user.token });
    expect((await api.files.list.query({})).items.map((f) => f.id)).toContain(id);
    const { url } = await api.files.downloadUrl.query({ id });
    const downloaded = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(downloaded.equals(bytes)).toBe(true);

    expect(await api.files.delete.mutate({ id })).toEqual({ id, deleted: true });
    expect(await api.files.delete.mutate({ id })).toEqual({ id, deleted: false });
    expect(await h.api.built.deps.store.stat(`${user.userId}/${id}`)).toBeNull();
  });

  it("files: a PDF or an image previews in place (inline, its checked type); other types only download", async () => {
    const upload = async (filename: string, contentType: string, bytes: Buffer) => {
      const started = await call(`${h.url}/api/v1/files`, {
        method: "POST",
        headers: apiKey(key),
        body: { filename, contentType, size: bytes.length },
      });
      expect((await fetch(started.body.uploadUrl, { method: "PUT", body: new Uint8Array(bytes) })).status).toBe(200);
      const id = started.body.file.id as string;
      const done = await call(`${h.url}/api/v1/files/${id}/complete`, {
        method: "POST",
        headers: apiKey(key),
        body: {},
      });
      expect(done.body).toMatchObject({ status: "ready", contentType });
      return id;
    };
    const pdf = await upload(
      "report.pdf",
      "application/pdf",
      Buffer.from("%PDF-1.4\n%\xe2\xe3\n1 0 obj <<>> endobj\n%%EOF\n"),
    );
    const text = await upload("notes.txt", "text/plain", Buffer.from("plain words"));

    const preview = await call(`${h.url}/api/v1/files/${pdf}/download?disposition=inline`, { headers: apiKey(key) });
    expect(preview.status).toBe(200);
    const shown = await fetch(preview.body.url);
    expect(shown.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''report.pdf");
    expect(shown.headers.get("content-type")).toBe("application/pdf");
    await shown.arrayBuffer();

    const download = await call(`${h.url}/api/v1/files/${pdf}/download`, { headers: apiKey(key) });
    const saved = await fetch(download.body.url);
    expect(saved.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''report.pdf");
    await saved.arrayBuffer();

    const refused = await call(`${h.url}/api/v1/files/${text}/download?disposition=inline`, { headers: apiKey(key) });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: "BAD_REQUEST",
      message: "This type of file cannot be previewed; download it",
      requestId: expect.any(String),
    });
    const odd = await call(`${h.url}/api/v1/files/${text}/download?disposition=embed`, { headers: apiKey(key) });
    expect(odd.status).toBe(400);
  });

  it("files: an upload past its URL's lifetime cannot be completed (the worker purges it)", async () => {
    const started = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: apiKey(key),
      body: { filename: "late.txt", contentType: "text/plain", size: 4 },
    });
    expect((await fetch(started.body.uploadUrl, { method: "PUT", body: "late" })).status).toBe(200);
    const id = started.body.file.id as string;
    // Started longer ago than the URL's lifetime (600 s here) plus five minutes.
    await h.auth.db.storedFile.update({ where: { id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    const late = await call(`${h.url}/api/v1/files/${id}/complete`, { method: "POST", headers: apiKey(key), body: {} });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toBe("This upload expired; start a new one");
    expect((await h.auth.db.storedFile.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("serves /openapi.json with both security schemes, and /docs without a CDN", async () => {
    const doc = await call(`${h.url}/openapi.json`);
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.body.components.securitySchemes).sort()).toEqual(["apiKey", "bearerAuth"]);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/me", "/tasks", "/tasks/{id}", "/files", "/data"]),
    );
    const page = await fetch(`${h.url}/docs`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${h.url}/docs/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it("/health and /ready", async () => {
    expect((await call(`${h.url}/health`)).body).toEqual({ status: "ok" });
    const ready = await call(`${h.url}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      postgres: { status: "ok" },
      s3: { status: "ok" },
      jwks: { status: "ok" },
    });
  });
});
