// Email change and security notices over real HTTP and Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

const linkIn = (text: string | undefined) => text?.match(/https?:\/\/\S+verify-email\S*/)?.[0] ?? "";

describe("email change", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("confirms the new address by a link mailed to it, then tells the old one", async () => {
    const user = await signUpVerified(server);
    const newEmail = `moved.${Date.now()}@example.test`;
    const asked = await user.client.post("/api/auth/change-email", {
      newEmail,
      password: user.password,
      callbackURL: "/profile",
    });
    expect(asked.status).toBe(200);
    // Nothing changes until the new address is confirmed.
    expect((await server.db.user.findUniqueOrThrow({ where: { id: user.userId } })).email).toBe(user.email);
    await expect.poll(() => server.outbox.latest(newEmail, "Confirm your new email address")).toBeDefined();
    const link = linkIn(server.outbox.latest(newEmail, "Confirm your new email address")?.text);
    expect(link).not.toBe("");
    expect((await new TestClient(server.url).get(link)).status).toBeLessThan(400);

    const after = await server.db.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(after).toMatchObject({ email: newEmail, emailVerified: true });
    await expect.poll(() => server.outbox.latest(user.email, "Your email address was changed")).toBeDefined();
    expect(server.outbox.latest(user.email, "Your email address was changed")?.text).toContain(newEmail);
    const signIn = await new TestClient(server.url).post("/api/auth/sign-in/email", {
      email: newEmail,
      password: user.password,
    });
    expect(signIn.status).toBe(200);
    // The link works once.
    expect((await new TestClient(server.url).get(link)).status).not.toBe(200);
  });

  it("changing to an address already in use changes nothing and reveals nothing", async () => {
    const taken = await signUpVerified(server);
    const user = await signUpVerified(server);
    const mailsBefore = server.outbox.list().length;
    const asked = await user.client.post<{ status: boolean }>("/api/auth/change-email", {
      newEmail: taken.email,
      password: user.password,
    });
    expect(asked.status).toBe(200);
    expect((await server.db.user.findUniqueOrThrow({ where: { id: user.userId } })).email).toBe(user.email);
    expect(await server.db.user.count({ where: { email: taken.email } })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.outbox.list().length).toBe(mailsBefore);
  });

  it("needs the password, so a stolen session alone cannot move the address", async () => {
    const user = await signUpVerified(server);
    const newEmail = `thief.${Date.now()}@example.test`;
    const without = await user.client.post<{ message: string }>("/api/auth/change-email", { newEmail });
    expect(without.status).toBe(400);
    expect(without.body.message).toBe("Enter your password to change your email address");
    const wrong = await user.client.post("/api/auth/change-email", { newEmail, password: "not-the-password" });
    expect(wrong.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.outbox.latest(newEmail)).toBeUndefined();
  });

  it("without a password (provider or passkey accounts), needs a sign-in in the last 10 minutes", async () => {
    const user = await signUpVerified(server);
    await server.db.account.deleteMany({ where: { userId: user.userId, providerId: "credential" } });
    const fresh = `fresh.${Date.now()}@example.test`;
    expect((await user.client.post("/api/auth/change-email", { newEmail: fresh })).status).toBe(200);
    await expect.poll(() => server.outbox.latest(fresh, "Confirm your new email address")).toBeDefined();

    await server.db.session.updateMany({
      where: { userId: user.userId },
      data: { createdAt: new Date(Date.now() - 11 * 60_000) },
    });
    const stale = `stale.${Date.now()}@example.test`;
    const refused = await user.client.post<{ message: string }>("/api/auth/change-email", { newEmail: stale });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("Sign in again, then change your email address within 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.outbox.latest(stale)).toBeUndefined();
  });

  it("refuses a malformed address and needs a session", async () => {
    const user = await signUpVerified(server);
    const malformed = await user.client.post("/api/auth/change-email", {
      newEmail: "not-an-address",
      password: user.password,
    });
    expect(malformed.status).toBe(400);
    expect(
      (await new TestClient(server.url).post("/api/auth/change-email", { newEmail: "x@example.test" })).status,
    ).toBe(401);
  });
});

describe("personal workspaces", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("take no members: deleting the account deletes the workspace, so nobody else's data may live there", async () => {
    const owner = await signUpVerified(server);
    const invite = await owner.client.post<{ message: string }>("/api/auth/organization/invite-member", {
      email: "friend@example.test",
      role: "member",
      organizationId: `personal_${owner.userId}`,
    });
    expect(invite.status).toBe(400);
    expect(invite.body.message).toContain("personal workspace is yours alone");
    expect(await server.db.invitation.count({ where: { organizationId: `personal_${owner.userId}` } })).toBe(0);
  });
});

describe("security notices", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function signInWith(email: string, password: string, userAgent: string) {
    const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, "user-agent": userAgent },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
  }

  it("mails a sign-in from a new device, not from a known one (browser updates included)", async () => {
    const user = await signUpVerified(server);
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    await signInWith(user.email, user.password, firefox);
    await expect.poll(() => server.outbox.latest(user.email, "New sign-in")).toBeDefined();
    expect(server.outbox.latest(user.email, "New sign-in")?.text).toContain("Firefox on Linux");
    const count = () =>
      server.outbox.list().filter((m) => m.to === user.email && m.subject.includes("New sign-in")).length;
    expect(count()).toBe(1);
    await signInWith(user.email, user.password, firefox.replaceAll("140.0", "141.0"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(count()).toBe(1);
  });

  it("mails a password change", async () => {
    const user = await signUpVerified(server);
    const changed = await user.client.post("/api/auth/change-password", {
      currentPassword: user.password,
      newPassword: "A-brand-new-password-1",
    });
    expect(changed.status).toBe(200);
    await expect.poll(() => server.outbox.latest(user.email, "Your password was changed")).toBeDefined();
    const html = server.outbox.latest(user.email, "Your password was changed")?.html ?? "";
    expect(html).toContain(`${server.url}/profile/security`);
    expect(html).not.toContain("A-brand-new-password-1");
  });
});
