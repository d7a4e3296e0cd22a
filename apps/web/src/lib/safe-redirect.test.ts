import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/tasks?page=2")).toBe("/tasks?page=2");
  });

  it("refuses other sites and falls back", () => {
    const sneaky = [
      "/\t/evil.example",
      "/%09/evil.example".replace("%09", "\t"),
      "/\n/evil.example",
      "/\\/evil.example",
    ];
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "evil",
      "",
      null,
      undefined,
      ...sneaky,
    ]) {
      expect(safeNextPath(value)).toBe("/dashboard");
    }
  });
});
