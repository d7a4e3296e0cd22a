import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

interface SessionRow {
  id: string;
  token: string;
  userAgent: string | null;
}

async function signIn(server: TestAuthServer, email: string, password: string, ip?: string) {
  const client = new TestClient(server.url, ip);
  const response = await client.post("/api/auth/sign-in/email", { email, password });
  return { client, status: response.status };
}

describe("sessions and passwords", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists own sessions, revokes one, then all others", async () => {
    const { client: first, email, password } = await signUpVerified(server);
    const { client: second } = await signIn(server, email, password);
    const { client: third } = await signIn(server, email, password);

    const listed = await first.get<SessionRow[]>("/api/auth/list-sessions");
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(3);

    const secondRow = listed.body.find((s) => s.token === second.sessionToken);
    expect(secondRow).toBeDefined();
    expect((await first.post("/api/auth/revoke-session", { token: secondRow?.token })).status).toBe(200);
    expect((await second.get("/api/auth/get-session")).body).toBeNull();
    expect((await third.get("/api/auth/get-session")).body).not.toBeNull();

    expect((await first.post("/api/auth/revoke-other-sessions")).status).toBe(200);
    expect((await third.get("/api/auth/get-session")).body).toBeNull();
    expect((await first.get<SessionRow[]>("/api/auth/list-sessions")).body).toHaveLength(1);
  });

  it("cannot revoke another user's session", async () => {
    const alice = await signUpVerified(server);
    const bob = await signUpVerified(server);
    const response = await bob.client.post("/api/auth/revoke-session", { token: alice.client.sessionToken });
    expect(response.status).toBeLessThan(500);
    expect((await alice.client.get("/api/auth/get-session")).body).not.toBeNull();
  });

  it("changes the password and signs out the other sessions", async () => {
    const { client, email, password } = await signUpVerified(server);
    const { client: other } = await signIn(server, email, password);
    const wrong = await client.post("/api/auth/change-password", {
      currentPassword: "not-my-password",
      newPassword: "a-brand-new-password",
    });
    expect(wrong.status).toBe(400);

    const changed = await client.post("/api/auth/change-password", {
      currentPassword: password,
      newPassword: "a-brand-new-password",
      revokeOtherSessions: true,
    });
    expect(changed.status).toBe(200);
    expect((await other.get("/api/auth/get-session")).body).toBeNull();
    expect((await client.get("/api/auth/get-session")).body).not.toBeNull();
    expect((await signIn(server, email, password)).status).toBe(401);
    expect((await signIn(server, email, "a-brand-new-password")).status).toBe(200);
  });

  it("resets a forgotten password through the mailed link", async () => {
    const { email, client: oldSession } = await signUpVerified(server);
    const anon = new TestClient(server.url);
    const asked = await anon.post("/api/auth/request-password-reset", {
      email,
      redirectTo: `${server.url}/reset-password`,
    });
    expect(asked.status).toBe(200);
    const mail = server.outbox.latest(email, "Reset your password");
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    const landing = await anon.get(link);
    expect(landing.status).toBe(302);
    const token = new URL(landing.headers.get("location") ?? "", server.url).searchParams.get("token");
    expect(token).toBeTruthy();

    const reset = await anon.post("/api/auth/reset-password", { token, newPassword: "reset-via-the-outbox" });
    expect(reset.status).toBe(200);
    expect((await signIn(server, email, "reset-via-the-outbox")).status).toBe(200);
    // Resetting revokes the sessions that existed before.
    expect((await oldSession.get("/api/auth/get-session")).body).toBeNull();
    // The link works once.
    expect((await anon.post("/api/auth/reset-password", { token, newPassword: "and-again-please" })).status).toBe(400);
  });

  it("asks nothing of an unknown address (no account enumeration on reset)", async () => {
    const response = await new TestClient(server.url).post("/api/auth/request-password-reset", {
      email: "nobody@example.test",
    });
    expect(response.status).toBe(200);
    expect(server.outbox.latest("nobody@example.test")).toBeUndefined();
  });
});

describe("brute-force protection", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer({
      rateLimit: { enabled: true, windowSeconds: 60, max: 1_000, sensitiveMax: 3 },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("throttles repeated sign-in attempts from one client with 429 and Retry-After", async () => {
    const email = "target@example.test";
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const client = new TestClient(server.url, "198.51.100.7");
      const response = await client.post("/api/auth/sign-in/email", { email, password: `guess-number-${i}` });
      statuses.push(response.status);
      retryAfter ??= response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);

    // Another client is not affected.
    const other = await new TestClient(server.url, "198.51.100.8").post("/api/auth/sign-in/email", {
      email,
      password: "x-password",
    });
    expect(other.status).toBe(401);
  });
});
