import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantAdmin } from "./admin/grant";
import { seedDemoUser } from "./seed";
import { startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

describe("seedDemoUser", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("creates a verified demo user with a generated password, once", async () => {
    const first = await seedDemoUser(server.auth, { email: "demo@example.test" });
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);

    const again = await seedDemoUser(server.auth, { email: "demo@example.test" });
    expect(again).toEqual({ email: "demo@example.test", created: false });
    expect(await server.db.user.count({ where: { email: "demo@example.test" } })).toBe(1);
    // With its personal organization, where it is owner.
    const demo = await server.db.user.findUniqueOrThrow({ where: { email: "demo@example.test" } });
    expect(
      await server.db.member.findMany({ where: { userId: demo.id }, select: { organizationId: true, role: true } }),
    ).toEqual([{ organizationId: `personal_${demo.id}`, role: "owner" }]);

    const signIn = await new TestClient(server.url).post("/api/auth/sign-in/email", {
      email: "demo@example.test",
      password: first.generatedPassword,
    });
    expect(signIn.status).toBe(200);
  });

  it("uses the given password and does not echo it back", async () => {
    const result = await seedDemoUser(server.auth, { email: "demo2@example.test", password: "chosen-by-the-operator" });
    expect(result).toEqual({ email: "demo2@example.test", created: true });
  });

  it("makes the first admin (pnpm admin:grant, SEED_ADMIN_EMAIL), once, and logs it", async () => {
    await seedDemoUser(server.auth, { email: "first-admin@example.test", name: "Admin" });
    expect(await grantAdmin(server.db, " First-Admin@example.test ")).toBe("granted");
    expect(await grantAdmin(server.db, "first-admin@example.test")).toBe("already-admin");
    expect(await grantAdmin(server.db, "nobody@example.test")).toBe("no-such-user");
    // Someone who signed up with the address but never opened its mail is not its owner.
    await server.db.user.create({ data: { id: "squatter", name: "S", email: "squatted@example.test" } });
    expect(await grantAdmin(server.db, "squatted@example.test")).toBe("unverified");
    await server.db.user.update({ where: { id: "squatter" }, data: { emailVerified: true, banned: true } });
    expect(await grantAdmin(server.db, "squatted@example.test")).toBe("banned");
    expect((await server.db.user.findUniqueOrThrow({ where: { id: "squatter" } })).role).toBe("user");
    const admin = await server.db.user.findUniqueOrThrow({ where: { email: "first-admin@example.test" } });
    expect(admin.role).toBe("admin");
    const events = await server.db.auditEvent.findMany({ where: { action: "user.role_set", targetId: admin.id } });
    expect(events.map((e) => e.metadata)).toEqual([{ role: "admin", previous: "user", via: "command line" }]);
  });
});
