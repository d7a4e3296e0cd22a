// Managing API keys over tRPC from a signed-in session; keys cannot manage keys.
import { createApiClient, type TRPCClientError } from "@acme/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, call } from "./testing/http";

describe("apiKeys procedures", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("creates a key shown once, lists it without the secret, and revokes it at once on this instance; the revoked key stays listed", async () => {
    const user = await h.user();
    const api = createApiClient({ url: h.url, getToken: () => user.token });
    const created = await api.apiKeys.create.mutate({ name: "CI", scopes: ["tasks:read"], expiresInDays: 30 });
    expect(created.key).toMatch(/^sk_/);
    expect(created.scopes).toEqual(["tasks:read"]);

    const listed = (await api.apiKeys.list.query()).items;
    expect(listed.map((k) => k.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(listed[0]?.start).toBe(created.key.slice(0, 9));

    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(created.key) })).status).toBe(200);
    expect(await api.apiKeys.revoke.mutate({ id: created.id })).toEqual({ id: created.id, revoked: true });
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(created.key) })).status).toBe(401);
    const [revoked] = (await api.apiKeys.list.query()).items;
    expect(revoked).toMatchObject({ id: created.id, enabled: false, revokedAt: expect.any(Date) });
    expect(Date.now() - (revoked?.revokedAt?.getTime() ?? 0)).toBeLessThan(60_000);
    const again = await api.apiKeys.revoke.mutate({ id: created.id }).catch((e: TRPCClientError<never>) => e);
    expect((again as TRPCClientError<never>).data).toMatchObject({ code: "CONFLICT", httpStatus: 409 });
    expect((again as TRPCClientError<never>).message).toBe("This key is already revoked");
  });

  it("keeps users apart and refuses API-key callers", async () => {
    const [alice, bob] = [await h.user(), await h.user()];
    const asAlice = createApiClient({ url: h.url, getToken: () => alice.token });
    const asBob = createApiClient({ url: h.url, getToken: () => bob.token });
    const { id, key } = await asAlice.apiKeys.create.mutate({ name: "mine", scopes: ["tasks:read", "tasks:write"] });

    expect((await asBob.apiKeys.list.query()).items).toEqual([]);
    const stolen = await asBob.apiKeys.revoke.mutate({ id }).catch((e: TRPCClientError<never>) => e);
    expect((stolen as TRPCClientError<never>).data).toMatchObject({ code: "NOT_FOUND" });

    const asKey = createApiClient({ url: h.url, apiKey: key });
    const minted = await asKey.apiKeys.create.mutate({ name: "child", scopes: ["tasks:read"] }).catch((e) => e);
    expect(minted.data.code).toBe("FORBIDDEN");
    expect((await asAlice.apiKeys.list.query()).items.map((k) => k.id)).toEqual([id]);
  });
});
