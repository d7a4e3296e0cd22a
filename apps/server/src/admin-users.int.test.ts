// Managing accounts from the console over real HTTP and Postgres: roles (never below
// one admin, even when two admins demote each other at once), accounts created by an
// admin, addresses confirmed, deletion under the self-deletion rules, and the lists
// and detail pages with their filters. Every change is in the log.
import { TestClient } from "@acme/auth/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { callTrpc } from "./testing/procedures";

interface UserItem {
  id: string;
  email: string;
  role: string;
  emailVerified: boolean;
}

describe("admin users", () => {
  let h: Harness;
  let admin: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.admin();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const setRole = (who: TestUser, id: string, role: string) =>
    call(`${h.url}/api/v1/admin/users/${id}/role`, { method: "POST", headers: bearer(who.token), body: { role } });

  it("keeps at least one admin, also when two admins demote each other at once", async () => {
    const alone = await setRole(admin, admin.userId, "user");
    expect(alone.status).toBe(409);
    expect(alone.body.error.message).toMatch(/last admin/);

    const second = await h.user();
    expect((await setRole(admin, second.userId, "admin")).body.role).toBe("admin");
    const event = await h.auth.db.auditEvent.findFirst({ where: { action: "user.role_set", targetId: second.userId } });
    expect(event?.metadata).toEqual({ role: "admin", previous: "user" });

    // Demoted and promoted again, both recorded.
    expect((await setRole(admin, second.userId, "user")).body.role).toBe("user");
    expect((await setRole(admin, second.userId, "admin")).body.role).toBe("admin");
    const changes = await h.auth.db.auditEvent.findMany({
      where: { action: "user.role_set", targetId: second.userId },
      orderBy: { seq: "asc" },
    });
    expect(changes.map((e) => e.metadata)).toEqual([
      { role: "admin", previous: "user" },
      { role: "user", previous: "admin" },
      { role: "admin", previous: "user" },
    ]);
    // The last admin cannot leave by deleting their own account either.
    const solo = await h.admin();
    await h.auth.db.user.updateMany({ where: { role: "admin", id: { not: solo.userId } }, data: { role: "user" } });
    const gone = await callTrpc(h.url, "account.delete", "mutation", { password: solo.password }, bearer(solo.token));
    expect(gone.status).toBe(409);
    expect(gone.error?.message).toMatch(/last admin/);
    expect(await h.auth.db.user.count({ where: { id: solo.userId } })).toBe(1);
    await h.auth.db.user.updateMany({ where: { id: { in: [admin.userId, second.userId] } }, data: { role: "admin" } });
    await h.auth.db.user.update({ where: { id: solo.userId }, data: { role: "user" } });

    const both = await Promise.all([setRole(admin, second.userId, "user"), setRole(second, admin.userId, "user")]);
    // One wins; the other is refused: by the last-admin rule, or (if it was checked after the
    // first committed) because its caller is no longer an admin.
    const statuses = both.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await h.auth.db.user.count({ where: { role: "admin" } })).toBe(1);
    // Back to the start: `admin` is the admin again.
    const remaining = await h.auth.db.user.findFirstOrThrow({ where: { role: "admin" } });
    if (remaining.id !== admin.userId) {
      expect((await setRole(second, admin.userId, "admin")).status).toBe(200);
      expect((await setRole(admin, second.userId, "user")).status).toBe(200);
    }
  });

  it("creates accounts that sign in, refuses a taken address, and confirms addresses", async () => {
    const email = `made-${Date.now()}@example.test`;
    const made = await call(`${h.url}/api/v1/admin/users`, {
      method: "POST",
      headers: bearer(admin.token),
      body: { email, name: "Made By Admin", password: "a long enough password", emailVerified: true },
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ email, role: "user", emailVerified: true, banned: false });
    const signIn = await new TestClient(h.auth.url, "203.0.113.41").post("/api/auth/sign-in/email", {
      email,
      password: "a long enough password",
    });
    expect(signIn.status).toBe(200);
    expect(await h.auth.db.member.findMany({ where: { userId: made.body.id }, select: { role: true } })).toEqual([
      { role: "owner" },
    ]);
    const created = await h.auth.db.auditEvent.findFirst({ where: { action: "user.created", targetId: made.body.id } });
    expect(created?.metadata).toEqual({ role: "user", emailVerified: true, setup: "admin-set" });
    expect(JSON.stringify({ ...created, seq: String(created?.seq) })).not.toContain("a long enough password");

    const taken = await call(`${h.url}/api/v1/admin/users`, {
      method: "POST",
      headers: bearer(admin.token),
      body: { email: email.toUpperCase(), name: "Again" },
    });
    expect(taken.status).toBe(409);

    const unverified = await callTrpc<UserItem>(
      h.url,
      "admin.users.create",
      "mutation",
      { email: `later-${Date.now()}@example.test`, name: "No Password Yet" },
      bearer(admin.token),
    );
    expect(unverified.data).toMatchObject({ emailVerified: false });
    const id = unverified.data?.id ?? "";
    expect(await h.auth.db.account.count({ where: { userId: id } })).toBe(0);
    const confirmed = await call(`${h.url}/api/v1/admin/users/${id}/verify-email`, {
      method: "POST",
      headers: bearer(admin.token),
    });
    expect(confirmed.body.emailVerified).toBe(true);
    expect(await h.auth.db.auditEvent.count({ where: { action: "user.email_verified", targetId: id } })).toBe(1);

    // A reset link, mailed by the auth server at the admin's request, and recorded as theirs.
    const reset = await call(`${h.url}/api/v1/admin/users/${made.body.id}/password-reset`, {
      method: "POST",
      headers: bearer(admin.token),
    });
    expect(reset.body).toEqual({ id: made.body.id, sent: true });
    await vi.waitFor(() => expect(h.auth.outbox.latest(email, "Reset")).toBeDefined());
    const sent = await h.auth.db.auditEvent.findFirst({ where: { action: "user.password_reset_sent" } });
    expect(sent).toMatchObject({ actorUserId: admin.userId, targetId: made.body.id });
  });

  it("deletes accounts under the self-deletion rules, never its own or an admin's", async () => {
    const doomed = await h.user();
    const other = await h.admin();
    const del = (id: string) =>
      call(`${h.url}/api/v1/admin/users/${id}`, { method: "DELETE", headers: bearer(admin.token) });
    expect((await del(admin.userId)).status).toBe(400);
    expect((await del(other.userId)).status).toBe(409);
    expect((await del("no-such-user")).status).toBe(404);
    const gone = await del(doomed.userId);
    expect(gone.body).toEqual({ id: doomed.userId, deleted: true });
    expect(await h.auth.db.user.count({ where: { id: doomed.userId } })).toBe(0);
    expect(await h.auth.db.organization.count({ where: { id: `personal_${doomed.userId}` } })).toBe(0);
    const event = await h.auth.db.auditEvent.findFirst({ where: { action: "user.deleted", targetId: doomed.userId } });
    expect(event?.actorUserId).toBe(admin.userId);
    await h.auth.db.user.update({ where: { id: other.userId }, data: { role: "user" } });
  });

  it("lists users by search, role, verification, date and order; shows one in full", async () => {
    const tag = `zq${Date.now()}`;
    const names = ["Carol", "alice", "Bob"];
    const made: UserItem[] = [];
    for (const name of names) {
      const reply = await callTrpc<UserItem>(
        h.url,
        "admin.users.create",
        "mutation",
        { email: `${name.toLowerCase()}.${tag}@example.test`, name: `${name} ${tag}`, emailVerified: name !== "Bob" },
        bearer(admin.token),
      );
      made.push(reply.data as UserItem);
    }
    const list = async (input: Record<string, unknown>) =>
      (
        await callTrpc<{ items: UserItem[]; total: { count: number } }>(
          h.url,
          "admin.users.list",
          "query",
          input,
          bearer(admin.token),
        )
      ).data;
    const byEmail = await list({ q: tag.toUpperCase(), sort: "email" });
    expect(byEmail?.items.map((u) => u.email.split(".")[0])).toEqual(["alice", "bob", "carol"]);
    expect(byEmail?.total).toEqual({ count: 3, exact: true });
    expect((await list({ q: tag, verified: "unverified" }))?.items.map((u) => u.id)).toEqual([made[2]?.id]);
    expect((await list({ q: tag, sort: "newest" }))?.items.map((u) => u.id)).toEqual(made.map((u) => u.id).reverse());
    expect((await list({ role: "admin" }))?.items.map((u) => u.id)).toEqual([admin.userId]);
    expect((await list({ q: tag, createdFrom: new Date(Date.now() + 60_000).toISOString() }))?.items).toEqual([]);
    const bad = await call(`${h.url}/api/v1/admin/users?role=owner`, { headers: bearer(admin.token) });
    expect(bad.status).toBe(400);

    const detail = await call(`${h.url}/api/v1/admin/users/${admin.userId}`, { headers: bearer(admin.token) });
    expect(detail.status).toBe(200);
    expect(detail.body.user).toMatchObject({ id: admin.userId, role: "admin" });
    expect(detail.body.sessions.length).toBeGreaterThan(0);
    expect(detail.body.organizations).toContainEqual({
      id: `personal_${admin.userId}`,
      name: expect.any(String),
      role: "owner",
      personal: true,
    });
    expect(detail.body.events.map((e: { action: string }) => e.action)).toContain("user.created");

    const orgs = await call(`${h.url}/api/v1/admin/organizations?kind=personal&q=${tag}`, {
      headers: bearer(admin.token),
    });
    expect(orgs.body.items).toHaveLength(3);
    expect(orgs.body.items[0]).toMatchObject({ personal: true, members: 1, ownerEmail: made[2]?.email });
    const org = await call(`${h.url}/api/v1/admin/organizations/${orgs.body.items[0].id}`, {
      headers: bearer(admin.token),
    });
    expect(org.body.counts).toEqual({ members: 1, teams: 0, tasks: 0, files: 0, apiKeys: 0 });
  });
});
