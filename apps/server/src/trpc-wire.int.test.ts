// Single and batched calls go through the server's own pipeline: the typed client
// must see tRPC's wire format, and malformed calls get a typed 4xx with the request id.
import { MAX_BATCH_CALLS } from "@acme/api/wire";
import { createApiClient, requestIdOf, TRPCClientError } from "@acme/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { bearer, call } from "./testing/http";

describe("tRPC wire format, single and batched", () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ token } = await h.user());
  });
  afterAll(async () => {
    await h?.stop();
  });

  for (const batch of [false, true]) {
    it(`${batch ? "batched" : "single"} calls: data, dates, and typed errors with request ids`, async () => {
      const api = createApiClient({ url: h.url, getToken: () => token, batch });
      const task = await api.tasks.create.mutate({ title: `wire ${batch}` });
      expect(task.createdAt).toBeInstanceOf(Date);
      const [me, same] = await Promise.all([api.me.query(), api.tasks.byId.query({ id: task.id })]);
      expect(me.method).toBe("jwt");
      expect(same).toEqual(task);

      const missing = await api.tasks.byId.query({ id: "01900000-0000-7000-8000-000000000000" }).catch((e) => e);
      expect(missing).toBeInstanceOf(TRPCClientError);
      expect(missing.data.code).toBe("NOT_FOUND");
      expect(requestIdOf(missing)).toMatch(/^[\w-]+$/);

      const invalid = await api.tasks.create.mutate({ title: "" }).catch((e) => e);
      expect(invalid.data.httpStatus).toBe(400);
      expect(invalid.data.zodError.fieldErrors).toHaveProperty("title");
    });
  }

  it("refuses malformed input and unknown procedures without a 500", async () => {
    const malformed = await fetch(`${h.url}/trpc/tasks.list?input=%7Bnot-json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(malformed.status).toBe(400);
    const unknown = await fetch(`${h.url}/trpc/nope.nothing`, { headers: { authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(404);
    const wrongMethod = await fetch(`${h.url}/trpc/tasks.create`, { headers: { authorization: `Bearer ${token}` } });
    expect(wrongMethod.status).toBeGreaterThanOrEqual(400);
    expect(wrongMethod.status).toBeLessThan(500);
  });

  it("answers a batch call by call, 207 when they end differently, and refuses what it does not serve", async () => {
    const auth = bearer(token);
    const missingId = "01900000-0000-7000-8000-000000000000";
    const input = encodeURIComponent(JSON.stringify({ 1: { json: { id: missingId } } }));
    const mixed = await call(`${h.url}/trpc/me,tasks.byId?batch=1&input=${input}`, { headers: auth });
    expect(mixed.status).toBe(207);
    expect(mixed.body[0].result.data.json.method).toBe("jwt");
    expect(mixed.body[1].error.json.data).toMatchObject({ code: "NOT_FOUND", path: "tasks.byId" });
    expect(mixed.body[1].error.json.data.requestId).toBe(mixed.headers.get("x-request-id"));

    const refusals: [string, RequestInit, number, string][] = [
      [
        `/trpc/${Array(MAX_BATCH_CALLS + 1)
          .fill("me")
          .join(",")}?batch=1`,
        {},
        400,
        "BAD_REQUEST",
      ],
      ["/trpc/me,tasks.create?batch=1", {}, 400, "BAD_REQUEST"],
      ["/trpc/me?batch=1", { headers: { "trpc-accept": "application/jsonl" } }, 400, "BAD_REQUEST"],
      ["/trpc/tasks.create", { method: "POST", body: '{"json":{"title":"x"}}' }, 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["/trpc/me,me?batch=1&input=%5B1%5D", {}, 400, "BAD_REQUEST"],
    ];
    for (const [path, init, status, code] of refusals) {
      const response = await fetch(`${h.url}${path}`, { ...init, headers: { ...auth, ...init.headers } });
      const body = await response.json();
      expect([path, response.status]).toEqual([path, status]);
      expect(body.error.json.data.code).toBe(code);
      expect(body.error.json.data.requestId).toBe(response.headers.get("x-request-id"));
    }
  });
});
