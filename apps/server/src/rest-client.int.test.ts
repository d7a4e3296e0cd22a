// A client generated from /openapi.json (openapi-typescript types + openapi-fetch,
// shipped as @acme/client/rest) runs the REST happy paths and error paths against
// the live server. It compiles only if the document describes what the calls send
// and read; every answer is also validated against the document.
import { createApiKeyService } from "@acme/auth";
import { createRestClient } from "@acme/client/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAnswer } from "./testing/contract";
import { type Harness, startHarness } from "./testing/harness";
import { PUBLIC_PROCEDURES } from "./testing/procedures";

/** fetch, with every answer checked against the contract. */
const checkedFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  const text = await response.clone().text();
  const body = text ? JSON.parse(text) : null;
  const url = new URL(request.url);
  await checkAnswer({ method: request.method, url, status: response.status, headers: response.headers, body });
  return response;
};

describe("generated REST client", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("runs the happy paths with a JWT and an API key", async () => {
    const { token, userId } = await h.user();
    const rest = createRestClient({ url: h.url, token, fetch: checkedFetch });

    expect((await rest.GET("/health")).data).toEqual({ status: "ok" });
    const me = await rest.GET("/me");
    expect(me.data).toMatchObject({ userId, method: "jwt" });

    const created = await rest.POST("/tasks", { body: { title: "From the generated client" } });
    const id = created.data?.id ?? "";
    expect(created.data).toMatchObject({ title: "From the generated client", status: "pending" });
    const updated = await rest.PATCH("/tasks/{id}", { params: { path: { id } }, body: { status: "completed" } });
    expect(updated.data?.status).toBe("completed");
    const page = await rest.GET("/tasks", { params: { query: { status: "completed", limit: 10 } } });
    expect(page.data?.items.map((task) => task.id)).toEqual([id]);
    expect((await rest.GET("/tasks/{id}", { params: { path: { id } } })).data?.title).toBe("From the generated client");
    expect((await rest.DELETE("/tasks/{id}", { params: { path: { id } } })).data).toEqual({ id, deleted: true });
    expect((await rest.POST("/data", { body: { content: "hello" } })).data?.content).toBe("hello");

    const upload = await rest.POST("/files", { body: { filename: "a.txt", contentType: "text/plain", size: 5 } });
    expect(upload.data?.file.status).toBe("pending");
    const put = await fetch(upload.data?.uploadUrl ?? "", { method: "PUT", body: "hello" });
    expect(put.ok).toBe(true);
    const fileId = upload.data?.file.id ?? "";
    const done = await rest.POST("/files/{id}/complete", { params: { path: { id: fileId } } });
    expect(done.data?.status).toBe("ready");
    expect((await rest.GET("/files")).data?.items.map((file) => file.id)).toEqual([fileId]);

    const { key } = await createApiKeyService(h.auth.auth).create(userId, { name: "rest", scopes: ["tasks:read"] });
    const byKey = createRestClient({ url: h.url, apiKey: key, fetch: checkedFetch });
    expect((await byKey.GET("/me")).data).toMatchObject({ userId, method: "apiKey", scopes: ["tasks:read"] });
  });

  it("reads every error as the typed envelope", async () => {
    const { token, userId } = await h.user();
    const anonymous = createRestClient({ url: h.url, fetch: checkedFetch });
    const unauthorized = await anonymous.GET("/tasks");
    expect(unauthorized.response.status).toBe(401);
    expect(unauthorized.error?.error).toMatchObject({ code: "UNAUTHORIZED", requestId: expect.any(String) });

    const rest = createRestClient({ url: h.url, token, fetch: checkedFetch });
    const invalid = await rest.POST("/tasks", { body: { title: "" } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.error.fields?.title).toEqual(["Title is required"]);
    const empty = await rest.PATCH("/tasks/{id}", {
      params: { path: { id: "01900000-0000-7000-8000-000000000000" } },
      body: {},
    });
    expect(empty.response.status).toBe(400);
    const missing = await rest.GET("/tasks/{id}", { params: { path: { id: "01900000-0000-7000-8000-000000000000" } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe("NOT_FOUND");

    const { key } = await createApiKeyService(h.auth.auth).create(userId, { name: "ro", scopes: ["tasks:read"] });
    const readOnly = createRestClient({ url: h.url, apiKey: key, fetch: checkedFetch });
    const forbidden = await readOnly.POST("/tasks", { body: { title: "nope" } });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error?.error.message).toBe("Missing scope: tasks:write");
    const tooBig = await rest.POST("/files", {
      body: { filename: "big.bin", contentType: "application/octet-stream", size: 1e12 },
    });
    expect(tooBig.response.status).toBe(413);
  });

  it("checks answers strictly: an undocumented status, the old error shape or a missing header fail", async () => {
    const url = new URL(`${h.url}/api/v1/tasks`);
    const headers = new Headers({ "x-request-id": "r1" });
    const envelope = { error: { code: "UNAUTHORIZED", message: "Authentication required", requestId: "r1" } };
    await expect(checkAnswer({ method: "GET", url, status: 401, headers, body: envelope })).resolves.toBeUndefined();
    await expect(checkAnswer({ method: "GET", url, status: 418, headers, body: envelope })).rejects.toThrow(
      /status not documented for tasks-list/,
    );
    const oldShape = { message: "Authentication required", code: "UNAUTHORIZED", issues: [] };
    await expect(checkAnswer({ method: "GET", url, status: 401, headers, body: oldShape })).rejects.toThrow(
      /body does not match/,
    );
    const limited = { error: { ...envelope.error, code: "TOO_MANY_REQUESTS" } };
    await expect(checkAnswer({ method: "GET", url, status: 429, headers, body: limited })).rejects.toThrow(
      /no Retry-After/,
    );
  });

  it("documents public operations without security, and every protected one with 401", async () => {
    const document = await (await fetch(`${h.url}/openapi.json`)).json();
    const operations = Object.values(document.paths as Record<string, Record<string, OperationDoc>>).flatMap(
      (byMethod) => Object.values(byMethod),
    );
    const publicOnes = operations.filter((operation) => !operation.security?.length);
    expect(publicOnes.map((operation) => operation.operationId.replaceAll("-", "."))).toEqual([...PUBLIC_PROCEDURES]);
    for (const operation of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses, operation.operationId).toEqual(
        expect.arrayContaining(["200", "400", "405", "429", "500", "503"]),
      );
      expect(statuses.includes("401"), operation.operationId).toBe(Boolean(operation.security?.length));
    }
    expect(Object.keys(document.components.responses.Error429.headers)).toEqual(
      expect.arrayContaining(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"]),
    );
  });
});

type OperationDoc = { operationId: string; security?: unknown[]; responses: Record<string, unknown> };
