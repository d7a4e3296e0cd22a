import { describe, expect, it } from "vitest";
import { serverEnv } from "./env";

describe("server configuration", () => {
  it("requires a cursor secret in production, of 32+ characters, and needs none elsewhere", () => {
    expect(() => serverEnv({ NODE_ENV: "production" })).toThrow(/CURSOR_SECRET is required in production/);
    expect(() => serverEnv({ NODE_ENV: "production", CURSOR_SECRET: "short" })).toThrow(/CURSOR_SECRET/);
    expect(serverEnv({ NODE_ENV: "production", CURSOR_SECRET: "c".repeat(32) }).CURSOR_SECRET).toHaveLength(32);
    expect(serverEnv({ NODE_ENV: "development" }).CURSOR_SECRET).toBeUndefined();
  });
});
