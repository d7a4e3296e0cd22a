import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, envField, parseEnv } from "./env";

const schema = z.object({
  PORT: envField.port().default(3000),
  DATABASE_URL: envField.url(["postgres", "postgresql"]).optional(),
  FLAG: envField.boolean().default(false),
});

describe("parseEnv", () => {
  it("applies defaults and coerces strings", () => {
    expect(parseEnv(schema, { PORT: "8080", FLAG: "yes" })).toEqual({ PORT: 8080, FLAG: true });
    expect(parseEnv(schema, {})).toEqual({ PORT: 3000, FLAG: false });
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv(schema, { PORT: "", DATABASE_URL: "" })).toEqual({ PORT: 3000, FLAG: false });
  });

  it("fails with one line naming each bad variable", () => {
    const run = () => parseEnv(schema, { PORT: "70000", DATABASE_URL: "mysql://x/y" });
    expect(run).toThrow(ConfigError);
    try {
      run();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain("\n");
      expect(message).toContain("PORT: must be a port number");
      expect(message).toContain("DATABASE_URL: must be a URL starting with postgres:// or postgresql://");
    }
  });

  it("rejects a malformed URL and a non-boolean flag", () => {
    expect(() => parseEnv(schema, { DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv(schema, { FLAG: "maybe" })).toThrow(/FLAG: must be true or false/);
  });
});
