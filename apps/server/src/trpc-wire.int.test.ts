// Single calls take the lean path, batched calls tRPC's own adapter: the typed
// client must not be able to tell them apart.
import { createApiClient, requestIdOf, TRPCClientError } from "@acme/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";

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
});
