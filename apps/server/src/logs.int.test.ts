// One log line per request with the facts an operator needs, and never a credential.
import { createApiKeyService } from "@acme/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { apiKey, bearer, call } from "./testing/http";

describe("request logs", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("log each request once with id, status, duration and principal, and no token, key or body", async () => {
    const user = await h.user();
    const { key, id: keyId } = await createApiKeyService(h.auth.auth).create(user.userId, {
      name: "logged",
      scopes: ["tasks:read", "data:write"],
    });
    const secretContent = "do-not-log-this-body-content";
    const ok = await call(`${h.url}/api/v1/me`, { headers: bearer(user.token) });
    await call(`${h.url}/api/v1/data`, { method: "POST", headers: apiKey(key), body: { content: secretContent } });
    await call(`${h.url}/api/v1/me`, { headers: bearer(`${user.token}x`) });
    await call(`${h.url}/api/v1/me`, { headers: apiKey(`${key}x`) });

    const lines = h.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.msg === "request");
    const first = requests.find((line) => line.requestId === ok.headers.get("x-request-id"));
    expect(first).toMatchObject({
      method: "GET",
      path: "/api/v1/me",
      status: 200,
      principal: user.userId,
      auth: "jwt",
    });
    expect(typeof first?.durationMs).toBe("number");
    expect(requests.some((line) => line.principal === keyId && line.auth === "apiKey")).toBe(true);
    expect(lines.filter((line) => line.msg === "authentication failed").map((line) => line.reason)).toEqual(
      expect.arrayContaining(["jwt_signature", "api_key_invalid"]),
    );

    const all = h.logs.join("\n");
    for (const secret of [user.token, key, `${key}x`, secretContent, user.client.sessionToken ?? "<none>"]) {
      expect(all).not.toContain(secret);
    }
    expect(all).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
