// Every protected procedure refuses anonymous callers; another user's objects are
// NOT_FOUND; API keys are held to their scopes.
import { createApiKeyService } from "@acme/auth";
import { createApiClient, TRPCClientError } from "@acme/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, call } from "./testing/http";
import { allProcedures, callTrpc, PUBLIC_PROCEDURES, SAMPLE_INPUTS } from "./testing/procedures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCClientError ? String(error.data?.code) : "THROWN";
  }
}

describe("security", () => {
  let h: Harness;
  let alice: Awaited<ReturnType<Harness["user"]>>;
  let bob: Awaited<ReturnType<Harness["user"]>>;

  beforeAll(async () => {
    h = await startHarness();
    [alice, bob] = [await h.user(), await h.user()];
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("has a sample input for every procedure", () => {
    expect(
      allProcedures()
        .map((p) => p.path)
        .sort(),
    ).toEqual(Object.keys(SAMPLE_INPUTS).sort());
  });

  it("refuses anonymous and wrongly-authenticated callers on every protected procedure with 401", async () => {
    for (const { path, type } of allProcedures()) {
      if (PUBLIC_PROCEDURES.has(path)) continue;
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer not-a-jwt" },
        { "x-api-key": "sk_nope" },
      ];
      for (const headers of attempts) {
        const reply = await callTrpc(h.url, path, type, SAMPLE_INPUTS[path], headers);
        expect(reply.status, `${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(reply.error?.data?.requestId).toBeTruthy();
      }
    }
    const rest = await call(`${h.url}/api/v1/tasks`);
    expect(rest.status).toBe(401);
    expect(rest.body.error).toMatchObject({ code: "UNAUTHORIZED", requestId: rest.headers.get("x-request-id") });
  });

  it("answers NOT_FOUND for another user's task, over tRPC and REST", async () => {
    const asAlice = createApiClient({ url: h.url, getToken: () => alice.token });
    const asBob = createApiClient({ url: h.url, getToken: () => bob.token });
    const task = await asAlice.tasks.create.mutate({ title: "Alice's" });

    expect(await codeOf(asBob.tasks.byId.query({ id: task.id }))).toBe("NOT_FOUND");
    expect(await codeOf(asBob.tasks.update.mutate({ id: task.id, title: "mine now" }))).toBe("NOT_FOUND");
    expect(await codeOf(asBob.tasks.delete.mutate({ id: task.id }))).toBe("NOT_FOUND");
    expect((await asBob.tasks.list.query({})).items).toEqual([]);
    const rest = await call(`${h.url}/api/v1/tasks/${task.id}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(rest.status).toBe(404);
    expect(await asAlice.tasks.byId.query({ id: task.id })).toMatchObject({ title: "Alice's" });
  });

  it("answers NOT_FOUND for another user's file and never deletes it", async () => {
    const asAlice = createApiClient({ url: h.url, getToken: () => alice.token });
    const asBob = createApiClient({ url: h.url, getToken: () => bob.token });
    const { file, uploadUrl } = await asAlice.files.createUpload.mutate({
      filename: "a.txt",
      contentType: "text/plain",
      size: 5,
    });
    await fetch(uploadUrl, { method: "PUT", body: "hello" });
    await asAlice.files.completeUpload.mutate({ id: file.id });

    expect(await codeOf(asBob.files.downloadUrl.query({ id: file.id }))).toBe("NOT_FOUND");
    expect(await codeOf(asBob.files.completeUpload.mutate({ id: file.id }))).toBe("NOT_FOUND");
    expect(await asBob.files.delete.mutate({ id: file.id })).toEqual({ id: file.id, deleted: false });
    expect((await asBob.files.list.query({})).items).toEqual([]);
    expect((await asAlice.files.list.query({})).items.map((f) => f.id)).toEqual([file.id]);
  });

  it("holds API keys to their scopes (403) and JWT sessions to none", async () => {
    const keys = createApiKeyService(h.auth.auth);
    const { key } = await keys.create(alice.userId, { name: "read-only", scopes: ["tasks:read"] });
    const readOnly = createApiClient({ url: h.url, apiKey: key });
    expect((await readOnly.tasks.list.query({})).items.length).toBeGreaterThanOrEqual(0);
    expect(await codeOf(readOnly.tasks.create.mutate({ title: "nope" }))).toBe("FORBIDDEN");
    expect(await codeOf(readOnly.files.list.query({}))).toBe("FORBIDDEN");
    expect(await codeOf(readOnly.data.submit.mutate({ content: "x" }))).toBe("FORBIDDEN");
    const rest = await call(`${h.url}/api/v1/data`, { method: "POST", headers: apiKey(key), body: { content: "x" } });
    expect(rest.status).toBe(403);
    expect(rest.body.error).toMatchObject({ code: "FORBIDDEN", message: "Missing scope: data:write" });
    expect(await h.auth.db.dataEntry.count({ where: { createdById: alice.userId } })).toBe(0);
  });

  it("accepts one valid credential of two, and refuses two naming different users", async () => {
    const keys = createApiKeyService(h.auth.auth);
    const { key: aliceKey } = await keys.create(alice.userId, { name: "a", scopes: ["tasks:read"] });
    const both = await call(`${h.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${alice.token}`, "x-api-key": "sk_wrong" },
    });
    expect(both.status).toBe(200);
    expect(both.body.userId).toBe(alice.userId);
    const mixed = await call(`${h.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${bob.token}`, "x-api-key": aliceKey },
    });
    expect(mixed.status).toBe(401);
  });
});
