// Impersonation, on the real auth server and API: an admin acts as a user for a limited
// time; the token says who is really acting (`act`), every change made meanwhile is
// recorded with the impersonator, the user gets no "new sign-in" mail, admins cannot be
// impersonated, and stopping brings the admin's own session back. Start and stop are logged.
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { callTrpc } from "./testing/procedures";

describe("impersonation", () => {
  let h: Harness;
  let admin: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.admin();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("acts as the user, records the admin behind every change, and stops", async () => {
    const target = await h.user();
    const mailsBefore = h.auth.outbox.list().filter((mail) => mail.to === target.email).length;
    const started = await admin.client.post<{ session: { expiresAt: string; impersonatedBy: string } }>(
      "/api/auth/admin/impersonate-user",
      { userId: target.userId },
    );
    expect(started.status).toBe(200);
    const minutes = (new Date(started.body.session.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(25);
    expect(minutes).toBeLessThanOrEqual(30);

    const session = await admin.client.get<{ user: { id: string }; session: { impersonatedBy: string } }>(
      "/api/auth/get-session",
    );
    expect(session.body.user.id).toBe(target.userId);
    expect(session.body.session.impersonatedBy).toBe(admin.userId);
    const { token } = (await admin.client.get<{ token: string }>("/api/auth/token")).body;
    expect(decodeJwt(token)).toMatchObject({ sub: target.userId, act: { sub: admin.userId } });

    const asTarget = bearer(token);
    expect((await call(`${h.url}/api/v1/me`, { headers: asTarget })).body.userId).toBe(target.userId);
    const task = await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: asTarget, body: { title: "x" } });
    await call(`${h.url}/api/v1/tasks/${task.body.id}`, { method: "DELETE", headers: asTarget });
    const deleted = await h.auth.db.auditEvent.findFirstOrThrow({
      where: { action: "task.deleted", targetId: task.body.id },
    });
    expect(deleted).toMatchObject({ actorUserId: target.userId, impersonatorId: admin.userId });
    expect(h.auth.outbox.list().filter((mail) => mail.to === target.email)).toHaveLength(mailsBefore);

    // What only the owner does stays theirs: no credential made, nothing about sign-in changed.
    expect(decodeJwt(token).auth_time).toBeUndefined();
    const key = await callTrpc(h.url, "apiKeys.create", "mutation", { name: "x", scopes: ["tasks:read"] }, asTarget);
    expect(key.status).toBe(403);
    expect(key.error?.message).toMatch(/Not while impersonating/);
    expect((await callTrpc(h.url, "account.delete", "mutation", {}, asTarget)).status).toBe(403);
    for (const [path, body] of [
      ["/api/auth/change-password", { currentPassword: target.password, newPassword: "Another-good-pass-9" }],
      ["/api/auth/change-email", { newEmail: "taken-over@example.test" }],
      ["/api/auth/two-factor/enable", { password: target.password }],
    ] as const) {
      expect((await admin.client.post(path, body)).status, path).toBe(403);
    }
    expect((await admin.client.get("/api/auth/passkey/generate-register-options")).status).toBe(403);
    // Were the user an admin meanwhile, the console stays closed to the impersonation.
    await h.auth.db.user.update({ where: { id: target.userId }, data: { role: "admin" } });
    const console = await callTrpc(h.url, "admin.users.list", "query", {}, asTarget);
    expect(console.status).toBe(403);
    expect(console.error?.message).toMatch(/Stop impersonating/);
    await h.auth.db.user.update({ where: { id: target.userId }, data: { role: "user" } });

    const stopped = await admin.client.post("/api/auth/admin/stop-impersonating", {});
    expect(stopped.status).toBe(200);
    const back = await admin.client.get<{ user: { id: string }; session: { impersonatedBy: string | null } }>(
      "/api/auth/get-session",
    );
    expect(back.body.user.id).toBe(admin.userId);
    expect(back.body.session.impersonatedBy ?? null).toBeNull();
    expect(await h.auth.db.session.count({ where: { userId: target.userId, impersonatedBy: admin.userId } })).toBe(0);

    await vi.waitFor(async () => {
      const events = await h.auth.db.auditEvent.findMany({
        where: { targetId: target.userId, action: { startsWith: "user.impersonation_" } },
        orderBy: { seq: "asc" },
      });
      expect(events.map((e) => [e.action, e.actorUserId, e.impersonatorId])).toEqual([
        ["user.impersonation_started", admin.userId, admin.userId],
        ["user.impersonation_stopped", admin.userId, admin.userId],
      ]);
    });
  });

  it("ends on time on the server, and with the admin's role", async () => {
    const target = await h.user();
    expect((await admin.client.post("/api/auth/admin/impersonate-user", { userId: target.userId })).status).toBe(200);
    expect((await admin.client.get("/api/auth/token")).status).toBe(200);
    // Past the limit (30 minutes here), whatever the cookie: no more tokens.
    await h.auth.db.session.updateMany({
      where: { impersonatedBy: admin.userId },
      data: { createdAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect((await admin.client.get("/api/auth/token")).status).toBe(401);
    // A second admin demotes the first: their impersonations end with the role.
    const other = await h.admin();
    const again = await h.user();
    const fresh = await h.admin();
    expect((await fresh.client.post("/api/auth/admin/impersonate-user", { userId: again.userId })).status).toBe(200);
    const demoted = await callTrpc(
      h.url,
      "admin.users.setRole",
      "mutation",
      { id: fresh.userId, role: "user" },
      bearer(other.token),
    );
    expect(demoted.status).toBe(200);
    expect(await h.auth.db.session.count({ where: { impersonatedBy: fresh.userId } })).toBe(0);
    await admin.client.post("/api/auth/admin/stop-impersonating", {});
  });

  it("never impersonates an admin, and only admins impersonate", async () => {
    const other = await h.admin();
    const refused = await admin.client.post<{ code?: string }>("/api/auth/admin/impersonate-user", {
      userId: other.userId,
    });
    expect(refused.status).toBe(403);
    const someone = await h.user();
    const notAdmin = await someone.client.post("/api/auth/admin/impersonate-user", { userId: admin.userId });
    expect(notAdmin.status).toBe(403);
    // The plugin's other endpoints are the API's job: closed over HTTP, even to admins.
    const closed = await admin.client.post("/api/auth/admin/ban-user", { userId: someone.userId });
    expect(closed.status).toBe(404);
    expect(await h.auth.db.user.count({ where: { banned: true } })).toBe(0);
  });
});
