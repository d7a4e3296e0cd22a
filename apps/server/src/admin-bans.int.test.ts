// Bans over real HTTP and Postgres: the banned person's sessions end, their tokens and
// the keys they made are refused, sign-in says why and until when; lifting the ban lets
// them back in. Admins also end single sessions and keys. Every action is in the log.
import { TestClient } from "@acme/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { apiKey, bearer, call } from "./testing/http";
import { callTrpc } from "./testing/procedures";

describe("admin bans", () => {
  let h: Harness;
  let admin: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.admin();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const asAdmin = () => bearer(admin.token);
  const signIn = (user: TestUser) =>
    new TestClient(h.auth.url, "203.0.113.40").post<{ message?: string }>("/api/auth/sign-in/email", {
      email: user.email,
      password: user.password,
    });
  const keyFor = async (user: TestUser) =>
    (
      await callTrpc<{ key: string; id: string }>(
        h.url,
        "apiKeys.create",
        "mutation",
        { name: "theirs", scopes: ["tasks:read"] },
        bearer(user.token),
      )
    ).data ?? { key: "", id: "" };

  it("bans: sessions end, tokens and keys are refused, sign-in gives the reason and the end", async () => {
    const victim = await h.user();
    const key = await keyFor(victim);
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key.key) })).status).toBe(200);
    expect((await call(`${h.url}/api/v1/me`, { headers: bearer(victim.token) })).status).toBe(200);

    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const ban = await call(`${h.url}/api/v1/admin/users/${victim.userId}/ban`, {
      method: "POST",
      headers: asAdmin(),
      body: { reason: "Sending spam", expiresAt: until },
    });
    expect(ban.status).toBe(200);
    expect(ban.body).toMatchObject({ id: victim.userId, banned: true, banReason: "Sending spam" });
    expect(await h.auth.db.session.count({ where: { userId: victim.userId } })).toBe(0);

    const me = await call(`${h.url}/api/v1/me`, { headers: bearer(victim.token) });
    expect(me.status).toBe(403);
    expect(me.body.error.message).toBe("This account is suspended");
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key.key) })).status).toBe(401);
    const refused = await signIn(victim);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain("Reason: Sending spam.");
    expect(refused.body.message).toContain(until);

    const [event] = await h.auth.db.auditEvent.findMany({ where: { action: "user.banned", targetId: victim.userId } });
    expect(event).toMatchObject({ actorUserId: admin.userId, organizationId: null, chain: "platform" });
    expect(event?.metadata).toMatchObject({ reason: "Sending spam", expiresAt: until, sessionsEnded: 1 });

    const listed = await callTrpc<{ items: { id: string }[] }>(
      h.url,
      "admin.users.list",
      "query",
      { state: "banned" },
      asAdmin(),
    );
    expect(listed.data?.items.map((u) => u.id)).toEqual([victim.userId]);

    const lifted = await call(`${h.url}/api/v1/admin/users/${victim.userId}/unban`, {
      method: "POST",
      headers: asAdmin(),
    });
    expect(lifted.body).toMatchObject({ banned: false, banReason: null, banExpires: null });
    expect((await signIn(victim)).status).toBe(200);
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key.key) })).status).toBe(200);
    expect(await h.auth.db.auditEvent.count({ where: { action: "user.unbanned", targetId: victim.userId } })).toBe(1);
  });

  it("refuses bans that make no sense, with the reason", async () => {
    const other = await h.admin();
    const someone = await h.user();
    const cases: [string, unknown, number][] = [
      [admin.userId, { reason: "myself" }, 400],
      [other.userId, { reason: "an admin" }, 409],
      ["no-such-user", { reason: "nobody" }, 404],
      [someone.userId, { reason: "past", expiresAt: "2020-01-01T00:00:00Z" }, 400],
      [someone.userId, {}, 400],
    ];
    for (const [id, body, status] of cases) {
      const reply = await call(`${h.url}/api/v1/admin/users/${id}/ban`, { method: "POST", headers: asAdmin(), body });
      expect(reply.status, JSON.stringify(body)).toBe(status);
      expect(reply.body.error.requestId).toBeTruthy();
    }
    expect(await h.auth.db.user.count({ where: { banned: true } })).toBe(0);
  });

  it("ends one session or one key of anyone's, and records it", async () => {
    const user = await h.user();
    const key = await keyFor(user);
    const [session] = await h.auth.db.session.findMany({ where: { userId: user.userId } });
    const ended = await call(`${h.url}/api/v1/admin/sessions/${session?.id}`, { method: "DELETE", headers: asAdmin() });
    expect(ended.body).toEqual({ id: session?.id, revoked: true });
    expect(await h.auth.db.session.count({ where: { userId: user.userId } })).toBe(0);
    expect((await user.client.get("/api/auth/get-session")).body).toBeNull();

    const revoked = await call(`${h.url}/api/v1/admin/api-keys/${key.id}`, { method: "DELETE", headers: asAdmin() });
    expect(revoked.status).toBe(200);
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key.key) })).status).toBe(401);
    const again = await call(`${h.url}/api/v1/admin/api-keys/${key.id}`, { method: "DELETE", headers: asAdmin() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "CONFLICT", message: "This key is already revoked" } });
    const unknown = await call(`${h.url}/api/v1/admin/api-keys/no-such-key`, { method: "DELETE", headers: asAdmin() });
    expect(unknown.status).toBe(404);
    const events = await h.auth.db.auditEvent.findMany({
      where: { actorUserId: admin.userId, action: { in: ["session.revoked", "api_key.revoked"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.action, e.targetId])).toEqual([
      ["session.revoked", user.userId],
      ["api_key.revoked", key.id],
    ]);
  });
});
