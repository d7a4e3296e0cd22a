// JWT attacks are 401, never 500; the JWKS cache survives the auth server going
// down and cannot be used to flood it.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { type KeyServer, startKeyServer } from "./testing/key-server";

const b64 = (value: object | string) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

describe("JWT verification against a JWKS", () => {
  let keys: KeyServer;
  let h: Harness;
  const me = (token: string) => call(`${h.url}/api/v1/me`, { headers: bearer(token) });
  const claims = { sub: "user-1", email: "u@example.test", name: "U", org: "org-1" };

  beforeAll(async () => {
    keys = await startKeyServer();
    h = await startHarness({
      keyServer: keys,
      env: { JWKS_CACHE_TTL_SECONDS: "1", JWKS_COOLDOWN_SECONDS: "60", JWKS_MAX_STALE_SECONDS: "3600" },
    });
    await h.membership("user-1", "org-1");
    await h.membership("user-2", "org-1", "member");
  });
  afterAll(async () => {
    await h?.stop();
    await keys?.stop();
  });

  it("accepts a good token", async () => {
    const reply = await me(await keys.sign(claims));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ userId: "user-1", method: "jwt", email: "u@example.test" });
  });

  it("refuses every forgery and malformation with 401 and a request id", async () => {
    const good = await keys.sign(claims);
    // Verified and cached first: the tampered payload below shares its signature, and must still be refused.
    expect((await me(good)).status).toBe(200);
    const [header, payload, signature] = good.split(".") as [string, string, string];
    const publicKeyBytes = Buffer.from(keys.publicJwk.x ?? "", "base64url");
    const hsHeader = b64({ alg: "HS256", kid: keys.kid, typ: "JWT" });
    const hsBody = b64({ ...claims, iss: keys.url, aud: "http://api.test", exp: Math.floor(Date.now() / 1000) + 600 });
    const hsSignature = createHmac("sha256", publicKeyBytes).update(`${hsHeader}.${hsBody}`).digest("base64url");
    const tampered = b64({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), sub: "someone-else" });
    const rogue = await keys.rogueSigner();
    const now = Math.floor(Date.now() / 1000);

    const attacks: Record<string, string> = {
      "alg none": `${b64({ alg: "none", typ: "JWT" })}.${hsBody}.`,
      "HS256 signed with the public key": `${hsHeader}.${hsBody}.${hsSignature}`,
      "unknown kid": await keys.sign(claims, { kid: "no-such-kid" }),
      "signed by another key under our kid": await rogue(claims),
      expired: await keys.sign({ ...claims, exp: now - 60 }),
      "not yet valid": await keys.sign({ ...claims, nbf: now + 3600 }),
      "wrong issuer": await keys.sign({ ...claims, iss: "http://evil.test" }),
      "wrong audience": await keys.sign({ ...claims, aud: "http://other-api.test" }),
      "tampered payload": `${header}.${tampered}.${signature}`,
      truncated: good.slice(0, good.length - 10),
      "missing signature": `${header}.${payload}`,
      garbage: "this.is.not-a-jwt",
      "non-base64": "%%%.%%%.%%%",
      empty: "",
      // Over the 8 KiB token limit, under Node's 16 KiB header limit (which answers 431 itself).
      "oversized header": `${b64({ alg: "EdDSA", kid: keys.kid, pad: "x".repeat(9_000) })}.${payload}.${signature}`,
    };
    for (const [name, token] of Object.entries(attacks)) {
      const reply = await me(token);
      expect(reply.status, name).toBe(401);
      expect(reply.body.error?.requestId, name).toBe(reply.headers.get("x-request-id"));
    }
    const warnings = h.logs.filter((line) => line.includes("authentication failed"));
    expect(warnings.length).toBeGreaterThanOrEqual(Object.keys(attacks).length);
    expect(warnings.some((line) => line.includes('"reason":"jwt_expired"'))).toBe(true);
    expect(warnings.some((line) => line.includes('"reason":"jwt_signature"'))).toBe(true);
  });

  it("keeps verifying with cached keys while the JWKS server is down", async () => {
    const token = await keys.sign(claims);
    expect((await me(token)).status).toBe(200);
    keys.setDown(true);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the 1 s cache TTL
      const fresh = await keys.sign({ ...claims, sub: "user-2" });
      const reply = await me(fresh);
      expect(reply.status).toBe(200);
      expect(reply.body.userId).toBe("user-2");
    } finally {
      keys.setDown(false);
    }
  });

  it("refetches the JWKS at most once per cooldown during a random-kid flood", async () => {
    const before = keys.requests;
    const replies = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => me(await keys.sign(claims, { kid: `random-${i}-${Math.random()}` }))),
    );
    expect(replies.every((reply) => reply.status === 401)).toBe(true);
    expect(keys.requests - before).toBeLessThanOrEqual(2);
  });
});
