// The API server's key verifier builds its own, smaller Better Auth instance (verifier.ts):
// keys it makes and checks must be the auth server's keys, with the same organization rules.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyService } from "./api-keys";
import { signUpVerified, startTestAuthServer, type TestAuthServer } from "./testing";
import { createApiKeyVerifier } from "./verifier";

const silent = { debug() {}, info() {}, warn() {}, error() {} };
type Signed = Awaited<ReturnType<typeof signUpVerified>>;

describe("the API server's key verifier", () => {
  let server: TestAuthServer;
  let owner: Signed;
  let viewer: Signed;
  let orgId: string;
  let verifier: ReturnType<typeof createApiKeyVerifier>;

  beforeAll(async () => {
    server = await startTestAuthServer();
    owner = await signUpVerified(server, { name: "Olive" });
    viewer = await signUpVerified(server, { name: "Vic" });
    const created = await owner.client.post<{ id: string }>("/api/auth/organization/create", {
      name: "Shared",
      slug: `shared-${Date.now()}`,
    });
    expect(created.status).toBe(200);
    orgId = created.body.id;
    await server.db.member.create({
      data: { id: randomUUID(), organizationId: orgId, userId: viewer.userId, role: "viewer" },
    });
    verifier = createApiKeyVerifier({ db: server.db, logger: silent });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("makes keys the auth server verifies, and verifies the auth server's keys", async () => {
    const authServerKeys = createApiKeyService(server.auth);
    const fromVerifier = await verifier.create(owner.userId, { name: "a", scopes: ["tasks:read"] }, orgId);
    const fromAuthServer = await authServerKeys.create(owner.userId, { name: "b", scopes: ["files:write"] }, orgId);
    expect(fromVerifier.key.slice(0, 3)).toBe("sk_");
    expect(await authServerKeys.verify(fromVerifier.key)).toMatchObject({
      valid: true,
      keyId: fromVerifier.id,
      organizationId: orgId,
      createdById: owner.userId,
      scopes: ["tasks:read"],
    });
    expect(await verifier.verify(fromAuthServer.key)).toMatchObject({
      valid: true,
      keyId: fromAuthServer.id,
      organizationId: orgId,
      createdById: owner.userId,
      scopes: ["files:write"],
    });
  });

  it("gives a key its expiry, and refuses it once expired", async () => {
    const before = Date.now();
    const created = await verifier.create(owner.userId, { name: "month", scopes: ["tasks:read"], expiresInDays: 30 });
    const days = ((created.expiresAt?.getTime() ?? 0) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    await server.db.apikey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifier.verify(created.key)).toMatchObject({ valid: false, reason: "expired" });
  });

  it("refuses a member whose role may not create keys, and a non-member", async () => {
    await expect(verifier.create(viewer.userId, { name: "v", scopes: ["tasks:read"] }, orgId)).rejects.toThrow();
    const outsider = await signUpVerified(server, { name: "Out" });
    await expect(verifier.create(outsider.userId, { name: "o", scopes: ["tasks:read"] }, orgId)).rejects.toThrow();
    expect(await server.db.apikey.count({ where: { referenceId: orgId, name: { in: ["v", "o"] } } })).toBe(0);
  });
});
