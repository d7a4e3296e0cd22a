import { describe, expect, it } from "vitest";
import { z } from "zod";
import { changePasswordInput, isEmail, signInInput, signUpInput } from "./forms";

describe("the web app's account forms", () => {
  it("accepts exactly the addresses the API's zod accepts", () => {
    const addresses = [
      "a@example.com",
      "first.last+tag@sub.example.co",
      "o'brien@example.ie",
      "x@localhost",
      ".lead@example.com",
      "two..dots@example.com",
      "no-at.example.com",
      "a@b.c",
      "spaces in@example.com",
      `${"a".repeat(250)}@example.com`,
      "",
    ];
    const api = z.email().max(254);
    for (const address of addresses)
      expect([address, isEmail(address)]).toEqual([address, api.safeParse(address).success]);
  });

  it("names each refused field, with the message the form shows", () => {
    const result = signUpInput.safeParse({ name: "  ", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues).toEqual([
      { path: ["name"], message: "Tell us your name" },
      { path: ["email"], message: "Enter a valid email address" },
      { path: ["password"], message: "At least 8 characters" },
    ]);
    expect(signInInput.safeParse({ email: "a@example.com" })).toMatchObject({
      success: false,
      error: { issues: [{ path: ["password"], message: "Enter your password" }] },
    });
  });

  it("answers trimmed values, lengths counted by code point, checkboxes as booleans", () => {
    expect(signUpInput.safeParse({ name: "  Ada ", email: "ada@example.com", password: "😀".repeat(8) })).toEqual({
      success: true,
      data: { name: "Ada", email: "ada@example.com", password: "😀".repeat(8) },
    });
    expect(signUpInput.safeParse({ name: "A", email: "a@example.com", password: "😀".repeat(7) }).success).toBe(false);
    const change = (extra: object) =>
      changePasswordInput.safeParse({ currentPassword: "old", newPassword: "long enough", ...extra });
    expect(change({ revokeOtherSessions: "true" })).toMatchObject({ data: { revokeOtherSessions: true } });
    expect(change({})).toMatchObject({ data: { revokeOtherSessions: false } });
  });
});
