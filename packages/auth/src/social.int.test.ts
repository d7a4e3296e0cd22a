// GitHub and Google sign-in, without reaching either (no network here, and tests never
// use a real provider): each is offered only when configured, and a sign-in starts with
// a redirect to the provider carrying this client, the callback and a state. The whole
// round trip (callback, state, nonce, linking) is covered against a local OpenID Connect
// provider in oidc.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authEnv } from "./env";
import { signInButtonsFromEnv } from "./from-env";
import { startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

describe("GitHub and Google sign-in", () => {
  let configured: TestAuthServer;
  let bare: TestAuthServer;
  beforeAll(async () => {
    [configured, bare] = await Promise.all([
      startTestAuthServer({
        signInProviders: {
          github: { clientId: "gh-client", clientSecret: "gh-secret" },
          google: { clientId: "google-client", clientSecret: "google-secret" },
        },
      }),
      startTestAuthServer(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([configured?.stop(), bare?.stop()]);
  });

  async function start(server: TestAuthServer, provider: string) {
    return new TestClient(server.url).post<{ url?: string; redirect?: boolean }>("/api/auth/sign-in/social", {
      provider,
      callbackURL: "/dashboard",
    });
  }

  it.each([
    ["github", "github.com", "/login/oauth/authorize", "gh-client"],
    ["google", "accounts.google.com", "/o/oauth2/v2/auth", "google-client"],
  ])("starts a %s sign-in with a redirect to the provider for this client", async (provider, host, path, clientId) => {
    const res = await start(configured, provider);
    expect(res.status).toBe(200);
    const url = new URL(res.body.url ?? "");
    expect([url.host, url.pathname]).toEqual([host, path]);
    expect(url.searchParams.get("client_id")).toBe(clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(`${configured.url}/api/auth/callback/${provider}`);
    expect(url.searchParams.get("state")?.length).toBeGreaterThan(16);
  });

  it("refuses a provider that is not configured", async () => {
    for (const provider of ["github", "google"]) {
      const res = await start(bare, provider);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.url).toBeUndefined();
    }
  });

  it("offers on the sign-in page only the providers whose variables are all set", () => {
    expect(signInButtonsFromEnv(authEnv({}))).toEqual([]);
    const github = { GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" };
    expect(signInButtonsFromEnv(authEnv(github)).map((button) => button.id)).toEqual(["github"]);
    const all = {
      ...github,
      GOOGLE_CLIENT_ID: "id",
      GOOGLE_CLIENT_SECRET: "secret",
      OIDC_ISSUER: "https://sso.example.com",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "secret",
      OIDC_NAME: "Okta",
    };
    expect(signInButtonsFromEnv(authEnv(all)).map((button) => button.name)).toEqual(["GitHub", "Google", "Okta"]);
  });

  it("refuses to start with a provider half configured, naming what is missing", () => {
    expect(() => authEnv({ GITHUB_CLIENT_ID: "id" })).toThrow(
      "GitHub sign-in needs GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET; only GITHUB_CLIENT_ID is set",
    );
    expect(() => authEnv({ OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" })).toThrow(/OIDC_ISSUER/);
  });
});
