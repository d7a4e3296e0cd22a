// Sign-in through an OpenID Connect provider: a local mock provider
// (oauth2-mock-server) started here, never a real one. Covers the whole
// redirect flow, tampered state and nonce, and account linking rules.
import { OAuth2Server } from "oauth2-mock-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

describe("OpenID Connect sign-in", () => {
  let provider: OAuth2Server;
  let server: TestAuthServer;
  /** What the provider says about the person signing in; each test sets it. */
  let person: { sub: string; email: string; email_verified: boolean; name: string };
  let forgeNonce = false;

  beforeAll(async () => {
    provider = new OAuth2Server();
    await provider.issuer.keys.generate("RS256");
    await provider.start(0, "127.0.0.1");
    provider.service.on("beforeTokenSigning", (token) => {
      Object.assign(token.payload, person, { aud: "platform-test" });
      if (forgeNonce) token.payload.nonce = "forged-nonce";
    });
    provider.service.on("beforeUserinfo", (userinfo) => {
      userinfo.body = { ...person };
    });
    server = await startTestAuthServer({
      signInProviders: {
        oidc: {
          issuer: provider.issuer.url ?? "",
          clientId: "platform-test",
          clientSecret: "test-client-secret",
          name: "Acme SSO",
        },
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });
  beforeEach(() => {
    forgeNonce = false;
  });

  /** Starts sign-in, lets the provider authorize, and returns the client and the callback URL. */
  let clients = 0;
  async function authorize() {
    // Better Auth allows 3 sign-in starts per 10 s per address: one address per attempt.
    clients += 1;
    const client = new TestClient(server.url, `198.51.100.${100 + clients}`);
    const start = await client.post<{ url: string }>("/api/auth/sign-in/social", {
      provider: "oidc",
      callbackURL: "/dashboard",
      errorCallbackURL: "/sign-in?error=provider",
    });
    expect(start.status).toBe(200);
    const authorizeUrl = new URL(start.body.url);
    expect(authorizeUrl.searchParams.get("nonce")).toBeTruthy();
    expect(authorizeUrl.searchParams.get("code_challenge")).toBeTruthy();
    const redirect = await fetch(authorizeUrl, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    return { client, callback: new URL(redirect.headers.get("location") ?? "") };
  }

  const newPerson = (email: string, verified = true) => ({
    sub: `sub-${email}`,
    email,
    email_verified: verified,
    name: "Sam Sso",
  });

  it("signs a new person in and creates their account", async () => {
    person = newPerson(`sso.${Date.now()}@example.test`);
    const { client, callback } = await authorize();
    const done = await client.get(callback.toString());
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/dashboard");
    expect(client.sessionToken).toBeDefined();
    const user = await server.db.user.findUniqueOrThrow({
      where: { email: person.email },
      include: { accounts: true },
    });
    expect(user.emailVerified).toBe(true);
    expect(user.accounts.map((a) => a.providerId)).toEqual(["oidc"]);
    // The sign-in is in the log, with the provider by name.
    await expect
      .poll(() =>
        server.db.auditEvent.findFirst({
          where: { action: "user.signed_in", actorUserId: user.id },
          select: { metadata: true },
        }),
      )
      .toEqual({ metadata: { method: "provider", provider: "oidc" } });
  });

  it("refuses a callback whose state was tampered with", async () => {
    person = newPerson(`state.${Date.now()}@example.test`);
    const { client, callback } = await authorize();
    callback.searchParams.set("state", "not-the-state");
    const done = await client.get(callback.toString());
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toContain("error=");
    expect(client.sessionToken).toBeUndefined();
    expect(await server.db.user.count({ where: { email: person.email } })).toBe(0);
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    person = newPerson(`nonce.${Date.now()}@example.test`);
    forgeNonce = true;
    const { client, callback } = await authorize();
    const done = await client.get(callback.toString());
    expect(done.headers.get("location")).toContain("error=");
    expect(client.sessionToken).toBeUndefined();
    expect(await server.db.user.count({ where: { email: person.email } })).toBe(0);
  });

  it("links to an existing account whose address both sides verified", async () => {
    const local = await signUpVerified(server);
    person = newPerson(local.email);
    const { client, callback } = await authorize();
    await client.get(callback.toString());
    expect(client.sessionToken).toBeDefined();
    const accounts = await server.db.account.findMany({ where: { userId: local.userId } });
    expect(accounts.map((a) => a.providerId).sort()).toEqual(["credential", "oidc"]);
  });

  it("never links to an account whose address was not verified here", async () => {
    const email = `squatter.${Date.now()}@example.test`;
    const squatter = new TestClient(server.url, "198.51.100.5");
    await squatter.post("/api/auth/sign-up/email", { email, password: "squatters-password", name: "Squatter" });
    person = newPerson(email);
    const { client, callback } = await authorize();
    const done = await client.get(callback.toString());
    expect(done.headers.get("location")).toContain("error=account_not_linked");
    expect(client.sessionToken).toBeUndefined();
    const user = await server.db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user.accounts.map((a) => a.providerId)).toEqual(["credential"]);
  });

  it("never links a new provider to an account with two-factor on (that would skip the code)", async () => {
    const local = await signUpVerified(server);
    await local.client.post("/api/auth/two-factor/enable", { password: local.password });
    await server.db.user.update({ where: { id: local.userId }, data: { twoFactorEnabled: true } });
    person = newPerson(local.email);
    const { client, callback } = await authorize();
    const done = await client.get(callback.toString());
    expect(done.headers.get("location")).toContain("error=");
    expect(client.sessionToken).toBeUndefined();
    expect(await server.db.account.count({ where: { userId: local.userId, providerId: "oidc" } })).toBe(0);
  });

  it("never links when the provider did not verify the address", async () => {
    const local = await signUpVerified(server);
    person = newPerson(local.email, false);
    const { client, callback } = await authorize();
    const done = await client.get(callback.toString());
    expect(done.headers.get("location")).toContain("error=");
    expect(client.sessionToken).toBeUndefined();
    expect(await server.db.account.count({ where: { userId: local.userId, providerId: "oidc" } })).toBe(0);
  });
});
