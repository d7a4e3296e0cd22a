// Passkeys over real HTTP and Postgres, with a software authenticator (the
// browser journey uses Chromium's virtual one): registration and sign-in, and
// the abuse cases (someone else's credential, a replayed assertion, another
// user's passkey management).
import type { KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SoftAuthenticator,
  signUpVerified,
  startTestAuthServer,
  strangerKey,
  type TestAuthServer,
  TestClient,
} from "./testing";

describe("passkeys", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Registers a passkey on a new software authenticator for a signed-in client. */
  async function addPasskey(client: TestClient, name: string) {
    const authenticator = new SoftAuthenticator("localhost", server.url);
    const options = await client.get<{ challenge: string; rp: { id: string } }>(
      "/api/auth/passkey/generate-register-options",
    );
    expect(options.body.rp.id).toBe("localhost");
    const registered = await client.post<{ id: string; name: string }>("/api/auth/passkey/verify-registration", {
      response: authenticator.register(options.body),
      name,
    });
    expect(registered.status).toBe(200);
    return { authenticator, passkeyId: registered.body.id };
  }

  async function withPasskey(name = "Laptop") {
    const user = await signUpVerified(server);
    return { ...user, ...(await addPasskey(user.client, name)) };
  }

  async function signInWith(authenticator: SoftAuthenticator, key?: KeyObject, userVerified = true) {
    const client = new TestClient(server.url);
    const options = await client.get<{ challenge: string }>("/api/auth/passkey/generate-authenticate-options");
    const res = await client.post<{ code?: string }>("/api/auth/passkey/verify-authentication", {
      response: authenticator.assert(options.body, key, userVerified),
    });
    return { client, res };
  }

  it("registers a named passkey and signs in with it, as its owner", async () => {
    const user = await withPasskey("Work laptop");
    const rows = await server.db.passkey.findMany({ where: { userId: user.userId } });
    expect(rows.map((row) => row.name)).toEqual(["Work laptop"]);
    const { client, res } = await signInWith(user.authenticator);
    expect(res.status).toBe(200);
    const session = await client.get<{ user: { id: string } }>("/api/auth/get-session");
    expect(session.body.user.id).toBe(user.userId);
    await expect.poll(() => server.outbox.latest(user.email, "A passkey was added")).toBeDefined();
  });

  it("keeps several named passkeys per account, each signing in; a removed one no longer does", async () => {
    const user = await withPasskey("Laptop");
    const phone = await addPasskey(user.client, "Phone");
    const listed = await user.client.get<{ id: string; name: string }[]>("/api/auth/passkey/list-user-passkeys");
    expect(listed.body.map((passkey) => passkey.name).sort()).toEqual(["Laptop", "Phone"]);
    for (const authenticator of [user.authenticator, phone.authenticator]) {
      const { client, res } = await signInWith(authenticator);
      expect(res.status).toBe(200);
      expect((await client.get<{ user: { id: string } }>("/api/auth/get-session")).body.user.id).toBe(user.userId);
    }

    expect((await user.client.post("/api/auth/passkey/delete-passkey", { id: phone.passkeyId })).status).toBe(200);
    const removed = await signInWith(phone.authenticator);
    expect(removed.res.status).not.toBe(200);
    expect(removed.client.sessionToken).toBeUndefined();
    expect((await signInWith(user.authenticator)).res.status).toBe(200);
  });

  it("refuses an assertion for someone's credential signed with another key", async () => {
    const victim = await withPasskey();
    const { client, res } = await signInWith(victim.authenticator, strangerKey());
    expect(res.status).toBe(401);
    expect(client.sessionToken).toBeUndefined();
  });

  it("refuses an assertion without user verification: a passkey sign-in skips two-factor, so it must be two factors", async () => {
    const user = await withPasskey();
    const { client, res } = await signInWith(user.authenticator, undefined, false);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("USER_NOT_VERIFIED");
    expect(client.sessionToken).toBeUndefined();
  });

  it("refuses an assertion answered to another client's challenge (replay)", async () => {
    const user = await withPasskey();
    const victimClient = new TestClient(server.url);
    const victimOptions = await victimClient.get<{ challenge: string }>(
      "/api/auth/passkey/generate-authenticate-options",
    );
    const stolen = user.authenticator.assert(victimOptions.body);
    const attacker = new TestClient(server.url);
    await attacker.get("/api/auth/passkey/generate-authenticate-options");
    const res = await attacker.post("/api/auth/passkey/verify-authentication", { response: stolen });
    expect(res.status).toBe(400);
    expect(attacker.sessionToken).toBeUndefined();
  });

  it("lets only the owner rename or remove a passkey, with a short name", async () => {
    const owner = await withPasskey();
    const other = await signUpVerified(server);
    const rename = await other.client.post("/api/auth/passkey/update-passkey", {
      id: owner.passkeyId,
      name: "Mine now",
    });
    const remove = await other.client.post("/api/auth/passkey/delete-passkey", { id: owner.passkeyId });
    expect([rename.status, remove.status].every((status) => status === 401 || status === 404)).toBe(true);
    expect(await server.db.passkey.count({ where: { id: owner.passkeyId } })).toBe(1);

    const long = await owner.client.post("/api/auth/passkey/update-passkey", {
      id: owner.passkeyId,
      name: "x".repeat(65),
    });
    expect(long.status).toBe(400);
    expect(
      (await owner.client.post("/api/auth/passkey/update-passkey", { id: owner.passkeyId, name: "Phone" })).status,
    ).toBe(200);
    expect((await owner.client.post("/api/auth/passkey/delete-passkey", { id: owner.passkeyId })).status).toBe(200);
    expect(await server.db.passkey.count({ where: { id: owner.passkeyId } })).toBe(0);
  });
});
