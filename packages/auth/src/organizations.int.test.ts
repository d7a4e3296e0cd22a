// Organizations on the auth server: the personal organization every account gets,
// owners that cannot vanish, and invitations (mail, wrong address, revoked,
// expired, accepted twice).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalOrganizationId } from "./organizations";
import { signUpVerified, startTestAuthServer, type TestAuthServer } from "./testing";

type Signed = Awaited<ReturnType<typeof signUpVerified>>;

describe("organizations", () => {
  let server: TestAuthServer;
  let owner: Signed;
  let orgId: string;
  beforeAll(async () => {
    server = await startTestAuthServer();
    owner = await signUpVerified(server, { name: "Olive" });
    const created = await owner.client.post<{ id: string }>("/api/auth/organization/create", {
      name: "Acme",
      slug: `acme-${Date.now()}`,
    });
    expect(created.status).toBe(200);
    orgId = created.body.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const invite = (email: string, role = "member") =>
    owner.client.post<{ id: string }>("/api/auth/organization/invite-member", { email, role, organizationId: orgId });

  it("gives every account a personal organization, active in its sessions, that cannot be deleted", async () => {
    const user = await signUpVerified(server, { name: "Pat" });
    const personal = personalOrganizationId(user.userId);
    expect(
      await server.db.member.findMany({ where: { userId: user.userId }, select: { organizationId: true, role: true } }),
    ).toEqual([{ organizationId: personal, role: "owner" }]);
    const session = await user.client.get<{ session: { activeOrganizationId: string } }>("/api/auth/get-session");
    expect(session.body.session.activeOrganizationId).toBe(personal);
    // Deleting goes through the API only (it owns the rows and objects): Better Auth's route is closed.
    const deleted = await user.client.post("/api/auth/organization/delete", { organizationId: personal });
    expect(deleted.status).toBeGreaterThanOrEqual(400);
    expect(await server.db.organization.count({ where: { id: personal } })).toBe(1);
  });

  it("leaves logo and metadata to the API: clients can set neither, on create or update", async () => {
    const created = await owner.client.post("/api/auth/organization/create", {
      name: "Sneaky",
      slug: `sneaky-${Date.now()}`,
      logo: "victim-org/logo/x",
    });
    expect(created.status).toBe(400);
    const flagged = await owner.client.post("/api/auth/organization/update", {
      organizationId: orgId,
      data: { metadata: { personal: true } },
    });
    expect(flagged.status).toBe(400);
    const refused = await owner.client.post("/api/auth/organization/update", {
      organizationId: orgId,
      data: { logo: "other-org/secret-file" },
    });
    expect(refused.status).toBe(400);
    expect((await server.db.organization.findUniqueOrThrow({ where: { id: orgId } })).logo).toBeNull();
    const renamed = await owner.client.post("/api/auth/organization/update", {
      organizationId: orgId,
      data: { name: "Acme" },
    });
    expect(renamed.status).toBe(200);
  });

  it("keeps Better Auth's key endpoints closed to HTTP, and refuses role lists", async () => {
    const created = await owner.client.post("/api/auth/api-key/create", { name: "x", organizationId: orgId });
    expect(created.status).toBe(404);
    const invited = await owner.client.post("/api/auth/organization/invite-member", {
      email: "two.roles@example.test",
      role: ["admin", "member"],
      organizationId: orgId,
    });
    expect(invited.status).toBe(400);
  });

  it("announces a member who leaves, so API instances drop the cached role", async () => {
    const changes: unknown[] = [];
    const announcing = await startTestAuthServer({ onAccessChange: (change) => void changes.push(change) });
    try {
      const boss = await signUpVerified(announcing, { name: "Bo" });
      const leaver = await signUpVerified(announcing, { name: "Lu" });
      const org = await boss.client.post<{ id: string }>("/api/auth/organization/create", {
        name: "Exit",
        slug: `exit-${Date.now()}`,
      });
      await announcing.db.member.create({
        data: { id: `m-${leaver.userId}`, organizationId: org.body.id, userId: leaver.userId, role: "member" },
      });
      const left = await leaver.client.post("/api/auth/organization/leave", { organizationId: org.body.id });
      expect(left.status).toBe(200);
      expect(changes).toContainEqual({ kind: "member", organizationId: org.body.id, userId: leaver.userId });
    } finally {
      await announcing.stop();
    }
  });

  it("keeps an owner: the last one can neither leave nor be demoted", async () => {
    const left = await owner.client.post("/api/auth/organization/leave", { organizationId: orgId });
    expect(left.status).toBeGreaterThanOrEqual(400);
    const member = await server.db.member.findFirstOrThrow({ where: { organizationId: orgId, userId: owner.userId } });
    const demoted = await owner.client.post("/api/auth/organization/update-member-role", {
      memberId: member.id,
      role: "admin",
      organizationId: orgId,
    });
    expect(demoted.status).toBeGreaterThanOrEqual(400);
    expect((await server.db.member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("owner");
  });

  it("transfers ownership: another member becomes owner, then the old one steps down; admins cannot make owners", async () => {
    const boss = await signUpVerified(server, { name: "Bea" });
    const heir = await signUpVerified(server, { name: "Hal" });
    const admin = await signUpVerified(server, { name: "Ada" });
    const org = await boss.client.post<{ id: string }>("/api/auth/organization/create", {
      name: "Heirloom",
      slug: `heir-${Date.now()}`,
    });
    const add = (userId: string, role: string) =>
      server.db.member.create({ data: { id: `m-${userId}`, organizationId: org.body.id, userId, role } });
    const heirMember = await add(heir.userId, "member");
    await add(admin.userId, "admin");
    const bossMember = await server.db.member.findFirstOrThrow({
      where: { organizationId: org.body.id, userId: boss.userId },
    });
    const setRole = (client: Signed["client"], memberId: string, role: string) =>
      client.post("/api/auth/organization/update-member-role", { memberId, role, organizationId: org.body.id });

    await admin.client.post("/api/auth/organization/set-active", { organizationId: org.body.id });
    expect((await setRole(admin.client, heirMember.id, "owner")).status).toBeGreaterThanOrEqual(400);
    expect((await setRole(boss.client, heirMember.id, "owner")).status).toBe(200);
    expect((await setRole(boss.client, bossMember.id, "admin")).status).toBe(200);
    const roles = await server.db.member.findMany({
      where: { organizationId: org.body.id },
      select: { userId: true, role: true },
      orderBy: { userId: "asc" },
    });
    expect(Object.fromEntries(roles.map((row) => [row.userId, row.role]))).toEqual({
      [boss.userId]: "admin",
      [heir.userId]: "owner",
      [admin.userId]: "admin",
    });
  });

  it("invites by mail; only the invited address accepts, once", async () => {
    const invitee = await signUpVerified(server, { name: "Ivy" });
    const stranger = await signUpVerified(server, { name: "Sam" });
    const sent = await invite(invitee.email, "viewer");
    expect(sent.status).toBe(200);
    const mail = server.outbox.latest(invitee.email, "invited you to Acme");
    expect(mail?.text).toContain(`/accept-invitation/${sent.body.id}`);

    const wrong = await stranger.client.post("/api/auth/organization/accept-invitation", {
      invitationId: sent.body.id,
    });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    const accepted = await invitee.client.post("/api/auth/organization/accept-invitation", {
      invitationId: sent.body.id,
    });
    expect(accepted.status).toBe(200);
    const again = await invitee.client.post("/api/auth/organization/accept-invitation", { invitationId: sent.body.id });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(
      await server.db.member.findMany({
        where: { organizationId: orgId, userId: { in: [invitee.userId, stranger.userId] } },
        select: { userId: true, role: true },
      }),
    ).toEqual([{ userId: invitee.userId, role: "viewer" }]);
  });

  it("limits how many invitations an organization sends per hour", async () => {
    const limited = await startTestAuthServer({ invitationsPerHour: 2 });
    try {
      const boss = await signUpVerified(limited, { name: "Bo" });
      const org = await boss.client.post<{ id: string }>("/api/auth/organization/create", {
        name: "Busy",
        slug: `busy-${Date.now()}`,
      });
      const send = (n: number) =>
        boss.client.post("/api/auth/organization/invite-member", {
          email: `guest${n}@example.test`,
          role: "member",
          organizationId: org.body.id,
        });
      expect([(await send(1)).status, (await send(2)).status, (await send(3)).status]).toEqual([200, 200, 429]);
    } finally {
      await limited.stop();
    }
  });

  it("refuses a revoked or expired invitation", async () => {
    const late = await signUpVerified(server, { name: "Lee" });
    const revoked = await invite(late.email);
    expect(
      (await owner.client.post("/api/auth/organization/cancel-invitation", { invitationId: revoked.body.id })).status,
    ).toBe(200);
    const afterRevoke = await late.client.post("/api/auth/organization/accept-invitation", {
      invitationId: revoked.body.id,
    });
    expect(afterRevoke.status).toBeGreaterThanOrEqual(400);

    const expired = await invite(late.email);
    await server.db.invitation.update({
      where: { id: expired.body.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const afterExpiry = await late.client.post("/api/auth/organization/accept-invitation", {
      invitationId: expired.body.id,
    });
    expect(afterExpiry.status).toBeGreaterThanOrEqual(400);
    expect(await server.db.member.count({ where: { organizationId: orgId, userId: late.userId } })).toBe(0);
  });
});
