// Audit events from the auth server, over real HTTP and Postgres: sign-ups,
// sign-ins (and failures, never with the password), and account security changes,
// each with the client's address; the chains verify afterwards.
import { verifyAuditChains } from "@acme/db/audit";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

describe("audit trail of the auth server", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const actions = async (userId: string) =>
    (await server.db.auditEvent.findMany({ where: { actorUserId: userId }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.action,
    );

  it("records sign-up, sign-in, a failed sign-in and security changes", async () => {
    const user = await signUpVerified(server, { ip: "198.51.100.40" });
    await expect.poll(() => actions(user.userId)).toContain("user.signed_up");

    const client = new TestClient(server.url, "198.51.100.41");
    expect((await client.post("/api/auth/sign-in/email", { email: user.email, password: user.password })).status).toBe(
      200,
    );
    await expect.poll(() => actions(user.userId)).toContain("user.signed_in");
    const signIn = await server.db.auditEvent.findFirstOrThrow({
      where: { actorUserId: user.userId, action: "user.signed_in", ip: "198.51.100.41" },
    });
    expect(signIn).toMatchObject({ chain: "platform", targetId: user.userId, metadata: { method: "password" } });

    const wrong = "definitely-not-it-42";
    await new TestClient(server.url, "198.51.100.42").post("/api/auth/sign-in/email", {
      email: user.email,
      password: wrong,
    });
    await expect
      .poll(() => server.db.auditEvent.count({ where: { action: "user.sign_in_failed", ip: "198.51.100.42" } }))
      .toBe(1);
    const failure = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "user.sign_in_failed", ip: "198.51.100.42" },
    });
    expect(failure.metadata).toEqual({ method: "password", email: user.email });
    expect(JSON.stringify(failure.metadata)).not.toContain(wrong);

    await user.client.post("/api/auth/change-password", {
      currentPassword: user.password,
      newPassword: "Another-good-pass-9",
    });
    const enable = await user.client.post<{ totpURI: string }>("/api/auth/two-factor/enable", {
      password: "Another-good-pass-9",
    });
    const totp = OTPAuth.URI.parse(enable.body.totpURI) as OTPAuth.TOTP;
    await user.client.post("/api/auth/two-factor/verify-totp", { code: totp.generate() });
    await user.client.post("/api/auth/revoke-other-sessions");
    await expect
      .poll(() => actions(user.userId))
      .toEqual(expect.arrayContaining(["user.password_changed", "user.two_factor_enabled", "session.revoked"]));
    // Turning two-factor on is not a sign-in.
    expect((await actions(user.userId)).filter((action) => action === "user.signed_in")).toHaveLength(1);
    await user.client.post("/api/auth/sign-out", {});
    await expect.poll(() => actions(user.userId)).toContain("user.signed_out");
    expect((await verifyAuditChains(server.db)).problems).toEqual([]);
  });

  it("keeps no password typed into the email box, and odd text does not break the chain", async () => {
    const attempts = [
      ["198.51.100.50", "Hunter2-my-password"],
      ["198.51.100.51", "\ud83d@example.test"],
      ["198.51.100.52", "😀.ada@example.test"],
    ] as const;
    for (const [ip, email] of attempts) {
      await new TestClient(server.url, ip).post("/api/auth/sign-in/email", { email, password: "whatever-it-is" });
    }
    const failures = () =>
      server.db.auditEvent.findMany({
        where: { action: "user.sign_in_failed", ip: { in: attempts.map(([ip]) => ip) } },
      });
    await expect.poll(async () => (await failures()).length).toBe(3);
    const byIp = Object.fromEntries((await failures()).map((e) => [e.ip, e.metadata]));
    expect(byIp["198.51.100.50"]).toEqual({ method: "password" });
    expect(JSON.stringify(byIp)).not.toContain("Hunter2");
    expect(byIp["198.51.100.51"]).toEqual({ method: "password", email: "\ufffd@example.test" });
    expect(byIp["198.51.100.52"]).toEqual({ method: "password", email: "😀.ada@example.test" });
    expect((await verifyAuditChains(server.db)).problems).toEqual([]);
  });

  it("records organization changes: created, invited, joined, re-roled, teams, removed", async () => {
    const owner = await signUpVerified(server, { ip: "198.51.100.60" });
    const invitee = await signUpVerified(server, { ip: "198.51.100.61" });
    const org = await owner.client.post<{ id: string }>("/api/auth/organization/create", {
      name: "Audited Co",
      slug: `audited-${Date.now()}`,
    });
    const orgId = org.body.id;
    const invited = await owner.client.post<{ id: string }>("/api/auth/organization/invite-member", {
      email: invitee.email,
      role: "member",
      organizationId: orgId,
    });
    await invitee.client.post("/api/auth/organization/accept-invitation", { invitationId: invited.body.id });
    const member = await server.db.member.findFirstOrThrow({
      where: { organizationId: orgId, userId: invitee.userId },
    });
    await owner.client.post("/api/auth/organization/update-member-role", {
      memberId: member.id,
      role: "viewer",
      organizationId: orgId,
    });
    const team = await owner.client.post<{ id: string }>("/api/auth/organization/create-team", {
      name: "Ops",
      organizationId: orgId,
    });
    await owner.client.post("/api/auth/organization/remove-member", {
      memberIdOrEmail: invitee.email,
      organizationId: orgId,
    });
    const expected = [
      ["organization.created", owner.userId, orgId],
      ["member.invited", owner.userId, invited.body.id],
      ["member.joined", invitee.userId, invitee.userId],
      ["member.role_changed", owner.userId, invitee.userId],
      ["team.created", owner.userId, team.body.id],
      ["member.removed", owner.userId, invitee.userId],
    ];
    await expect
      .poll(async () =>
        (await server.db.auditEvent.findMany({ where: { chain: orgId }, orderBy: { seq: "asc" } })).map((e) => [
          e.action,
          e.actorUserId,
          e.targetId,
        ]),
      )
      .toEqual(expected);
    const changed = await server.db.auditEvent.findFirstOrThrow({
      where: { chain: orgId, action: "member.role_changed" },
    });
    expect(changed.metadata).toEqual({ role: "viewer" });
    expect((await verifyAuditChains(server.db)).problems).toEqual([]);
  });
});
