import { describe, expect, it } from "vitest";
import { authEnv } from "./env";

describe("auth env", () => {
  it("refuses to start in production without BETTER_AUTH_SECRET", () => {
    expect(() => authEnv({ NODE_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET is required in production/);
    expect(authEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: "s".repeat(32) }).BETTER_AUTH_SECRET).toHaveLength(32);
  });

  it("rejects a short secret and a malformed prefix", () => {
    expect(() => authEnv({ BETTER_AUTH_SECRET: "short" })).toThrow(/BETTER_AUTH_SECRET: must be at least 32/);
    expect(() => authEnv({ API_KEY_PREFIX: "SK-" })).toThrow(/API_KEY_PREFIX/);
  });

  it("has development defaults", () => {
    const env = authEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      BETTER_AUTH_URL: "http://localhost:3000",
      AUTH_AUDIENCE: "http://localhost:4000",
      AUTH_JWT_EXPIRES_IN: "15m",
      API_KEY_PREFIX: "sk_",
      AUTH_REQUIRE_EMAIL_VERIFICATION: true,
    });
    expect(authEnv({ AUTH_TRUSTED_ORIGINS: "http://a.test, http://b.test" }).AUTH_TRUSTED_ORIGINS).toEqual([
      "http://a.test",
      "http://b.test",
    ]);
  });
});
