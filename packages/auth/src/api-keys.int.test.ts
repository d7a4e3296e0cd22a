import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiKeyService, createApiKeyService, revokeKey, summarizeKey } from "./api-keys";
import { personalOrganizationId } from "./organizations";
import { signUpVerified, startTestAuthServer, type TestAuthServer } from "./testing";

describe("API keys with scopes, verified in-process", () => {
  let server: TestAuthServer;
  let keys: ApiKeyService;
  let userId: string;

  beforeAll(async () => {
    server = await startTestAuthServer();
    keys = createApiKeyService(server.auth);
    const user = await signUpVerified(server);
    userId = user.userId;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("creates a prefixed key, stores only its hash, and verifies it with its scopes", async () => {
    const created = await keys.create(userId, { name: "ci", scopes: ["tasks:read", "files:write"] });
    expect(created.key).toMatch(/^sk_[A-Za-z0-9]{40,}$/);
    expect(created.start).toBe(created.key.slice(0, 9));
    expect(created.scopes).toEqual(["files:write", "tasks:read"]);

    const row = await server.db.apikey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.key).not.toBe(created.key);
    expect(row.key).not.toContain(created.key.slice(3));

    expect(await keys.verify(created.key)).toEqual({
      valid: true,
      keyId: created.id,
      organizationId: personalOrganizationId(userId),
      createdById: userId,
      scopes: ["files:write", "tasks:read"],
      expiresAt: null,
    });
  });

  it("is not limited by Better Auth: 100 uses in a minute all verify", async () => {
    const { key } = await keys.create(userId, { name: "busy", scopes: ["tasks:read"] });
    const results = [];
    for (let i = 0; i < 100; i++) results.push(await keys.verify(key));
    expect(results.every((result) => result.valid)).toBe(true);
  });

  it("lists the user's keys without the secret and revokes one", async () => {
    const { id, key } = await keys.create(userId, { name: "to-revoke", scopes: ["data:write"], expiresInDays: 30 });
    const rows = await server.db.apikey.findMany({ where: { referenceId: personalOrganizationId(userId) } });
    const listed = rows.map(summarizeKey);
    const entry = listed.find((k) => k.id === id);
    expect(entry).toMatchObject({ name: "to-revoke", scopes: ["data:write"], enabled: true });
    expect(entry?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(JSON.stringify(listed)).not.toContain(key);

    expect(await revokeKey(server.db, id, "someone-else")).toBe("not_found");
    expect(await revokeKey(server.db, id, personalOrganizationId(userId))).toBe("revoked");
    expect(await keys.verify(key)).toEqual({ valid: false, reason: "not_found" });
    expect(await revokeKey(server.db, id, personalOrganizationId(userId))).toBe("already_revoked");
    // The row stays, disabled, its secret's hash gone: re-enabling it cannot bring the key back.
    const kept = await server.db.apikey.findUniqueOrThrow({ where: { id } });
    expect(summarizeKey(kept)).toMatchObject({ enabled: false, revokedAt: expect.any(Date) });
    await server.db.apikey.update({ where: { id }, data: { enabled: true } });
    expect(await keys.verify(key)).toEqual({ valid: false, reason: "not_found" });
  });

  it("rejects an expired key, an unknown key and garbage", async () => {
    const { id, key } = await keys.create(userId, { name: "old", scopes: ["tasks:read"], expiresInDays: 1 });
    await server.db.apikey.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await keys.verify(key)).toMatchObject({ valid: false, reason: "expired" });
    expect((await keys.verify(`sk_${"x".repeat(48)}`)).valid).toBe(false);
    expect((await keys.verify("")).valid).toBe(false);
  });

  it("refuses invalid input: no scopes, unknown scope, empty name", async () => {
    await expect(keys.create(userId, { name: "x", scopes: [] })).rejects.toThrow(/at least one scope/);
    await expect(keys.create(userId, { name: "x", scopes: ["admin:all" as never] })).rejects.toThrow();
    await expect(keys.create(userId, { name: " ", scopes: ["tasks:read"] })).rejects.toThrow(/Name is required/);
  });

  it("has no public HTTP route that verifies keys", async () => {
    const { key } = await keys.create(userId, { name: "probe", scopes: ["tasks:read"] });
    for (const path of ["/api/auth/api-key/verify", "/api/auth/verify-api-key"]) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ key }),
      });
      expect(response.status).toBe(404);
    }
  });
});
