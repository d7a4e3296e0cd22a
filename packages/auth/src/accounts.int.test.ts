import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

describe("accounts over HTTP", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("signs up, refuses sign-in until the address is verified, then signs in with a session cookie", async () => {
    const client = new TestClient(server.url);
    const email = "ada@example.test";
    const signUp = await client.post<{ user: { email: string; emailVerified: boolean } }>("/api/auth/sign-up/email", {
      email,
      password: "analytical-engine",
      name: "Ada",
    });
    expect(signUp.status).toBe(200);
    expect(signUp.body.user).toMatchObject({ email, emailVerified: false });
    expect(client.sessionToken).toBeUndefined();

    const early = await client.post<{ code: string }>("/api/auth/sign-in/email", {
      email,
      password: "analytical-engine",
    });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe("EMAIL_NOT_VERIFIED");

    const mail = server.outbox.latest(email, "Verify your email");
    expect(mail?.html).toContain("/api/auth/verify-email?token=");
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    expect((await new TestClient(server.url).get(link)).status).toBeLessThan(400);

    const signIn = await client.post<{ user: { emailVerified: boolean } }>("/api/auth/sign-in/email", {
      email,
      password: "analytical-engine",
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.getSetCookie().join(";")).toMatch(/session_token=.+HttpOnly/i);
    expect(client.sessionToken).toBeDefined();
    const session = await client.get<{ user: { email: string; role: string } }>("/api/auth/get-session");
    expect(session.body.user).toMatchObject({ email, role: "user" });
  });

  it("answers a sign-up for a taken address as for a new one, and tells the owner instead", async () => {
    const { email } = await signUpVerified(server);
    const fresh = await new TestClient(server.url).post<{ user: Record<string, unknown> }>("/api/auth/sign-up/email", {
      email: "newcomer@example.test",
      password: "another-password",
      name: "Someone",
    });
    const again = await new TestClient(server.url).post<{ user: Record<string, unknown> }>("/api/auth/sign-up/email", {
      email,
      password: "another-password",
      name: "Someone",
    });
    expect(again.status).toBe(fresh.status);
    expect(again.status).toBe(200);
    expect(Object.keys(again.body.user).sort()).toEqual(Object.keys(fresh.body.user).sort());
    expect(again.body.user).toMatchObject({ email, emailVerified: false, name: "Someone" });
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(await server.db.user.count({ where: { email } })).toBe(1);

    await expect.poll(() => server.outbox.latest(email, "Someone tried to sign up")).toBeDefined();
    const notice = server.outbox.latest(email, "Someone tried to sign up");
    expect(notice?.text).toContain(`${server.url}/forgot-password`);
    expect(notice?.html).toContain(`href="${server.url}/sign-in"`);
    await expect.poll(() => server.outbox.latest("newcomer@example.test", "Verify your email")).toBeDefined();
    expect(server.outbox.latest("newcomer@example.test", "Someone tried")).toBeUndefined();
  });

  it("resends a verification link neutrally, and throttles it like sign-in", async () => {
    const throttled = await startTestAuthServer({
      rateLimit: { enabled: true, windowSeconds: 60, max: 1_000, sensitiveMax: 3 },
    });
    try {
      // Better Auth's memory limiter is shared by every instance in the process: a fresh client address.
      const client = new TestClient(throttled.url, "198.51.100.77");
      const signUp = await client.post("/api/auth/sign-up/email", {
        email: "late@example.test",
        password: "analytical-engine",
        name: "Late",
      });
      expect(signUp.status).toBe(200);
      const statuses: number[] = [];
      for (const email of ["late@example.test", "nobody@example.test", "late@example.test", "late@example.test"]) {
        statuses.push((await client.post("/api/auth/send-verification-email", { email })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Better Auth sends verification mails after answering.
      const sent = () => throttled.outbox.list().filter((mail) => mail.to === "late@example.test").length;
      await expect.poll(sent).toBe(3);
      expect(throttled.outbox.latest("nobody@example.test")).toBeUndefined();
    } finally {
      await throttled.stop();
    }
  });

  it("answers a wrong password with 401 and no cookie", async () => {
    const { email } = await signUpVerified(server);
    const client = new TestClient(server.url);
    const wrong = await client.post<{ code: string }>("/api/auth/sign-in/email", {
      email,
      password: "not-the-password",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("INVALID_EMAIL_OR_PASSWORD");
    expect(client.sessionToken).toBeUndefined();
  });

  it("enforces the password length, 8 to 128", async () => {
    const client = new TestClient(server.url);
    const short = await client.post("/api/auth/sign-up/email", {
      email: "s@example.test",
      password: "1234567",
      name: "S",
    });
    expect(short.status).toBe(400);
    const long = await client.post("/api/auth/sign-up/email", {
      email: "l@example.test",
      password: "x".repeat(129),
      name: "L",
    });
    expect(long.status).toBe(400);
    expect(await server.db.user.count({ where: { email: { in: ["s@example.test", "l@example.test"] } } })).toBe(0);
  });

  it("signs out: the session cookie stops working", async () => {
    const { client } = await signUpVerified(server);
    const token = client.cookieHeader();
    expect((await client.post("/api/auth/sign-out")).status).toBe(200);
    const stale = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie: token } });
    expect(await stale.json()).toBeNull();
  });
});
