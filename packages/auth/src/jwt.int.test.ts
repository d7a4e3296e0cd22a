import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer } from "./testing";

describe("JWTs signed with Ed25519 and published at /api/auth/jwks", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("publishes only public Ed25519 keys", async () => {
    const response = await fetch(`${server.url}/api/auth/jwks`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
      expect(key.kid).toBeTruthy();
      expect(key).not.toHaveProperty("d");
    }
  });

  it("issues a token that verifies against the JWKS with issuer and audience", async () => {
    const { client, email, userId } = await signUpVerified(server, { name: "Grace" });
    const response = await client.get<{ token: string }>("/api/auth/token");
    expect(response.status).toBe(200);
    const { token } = response.body;
    expect(decodeProtectedHeader(token).alg).toBe("EdDSA");

    const jwks = createRemoteJWKSet(new URL(`${server.url}/api/auth/jwks`));
    const { payload } = await jwtVerify(token, jwks, {
      issuer: server.url,
      audience: "http://api.test",
      algorithms: ["EdDSA"],
    });
    expect(payload.sub).toBe(userId);
    // The active organization is the personal one, where the user is owner.
    expect(payload).toMatchObject({
      id: userId,
      email,
      name: "Grace",
      role: "user",
      org: `personal_${userId}`,
      org_role: "owner",
    });
    // When the session signed in: the API asks for a recent one before deleting a passwordless account.
    const session = await server.db.session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
    expect(payload.auth_time).toBe(Math.floor(session.createdAt.getTime() / 1000));
    // Only what the API needs: no verification flags, image, timestamps of the user record.
    expect(Object.keys(payload).sort()).toEqual([
      "aud",
      "auth_time",
      "email",
      "exp",
      "iat",
      "id",
      "iss",
      "name",
      "org",
      "org_role",
      "role",
      "sub",
    ]);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(15 * 60);
  });

  it("is rejected for another audience or issuer", async () => {
    const { client } = await signUpVerified(server);
    const { token } = (await client.get<{ token: string }>("/api/auth/token")).body;
    const jwks = createRemoteJWKSet(new URL(`${server.url}/api/auth/jwks`));
    await expect(jwtVerify(token, jwks, { issuer: server.url, audience: "http://other.test" })).rejects.toMatchObject({
      code: "ERR_JWT_CLAIM_VALIDATION_FAILED",
    });
    await expect(jwtVerify(token, jwks, { issuer: "http://evil.test", audience: "http://api.test" })).rejects.toThrow();
  });

  it("is not issued without a session", async () => {
    const response = await fetch(`${server.url}/api/auth/token`);
    expect(response.status).toBe(401);
  });
});
