import { describe, expect, it } from "vitest";
import { redactText, redactValue } from "./redact";

const jwt =
  "eyJhbGciOiJFZERTQSIsImtpZCI6ImFiYyJ9.eyJzdWIiOiJ1c2VyLTEiLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

describe("redaction", () => {
  it("scrubs JWTs, bearer tokens, API keys and query secrets from text", () => {
    const line = `auth failed for Bearer ${jwt} key sk_AbCdEfGhIjKlMnOpQrStUvWxYz0123 at /reset?token=abc123&x=1`;
    const out = redactText(line);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain("sk_AbCdEfGhIjKlMnOpQrStUvWxYz0123");
    expect(out).not.toContain("abc123");
    expect(out).toContain("x=1");
  });

  it("replaces values under sensitive keys, at any depth", () => {
    const out = redactValue({
      email: "a@b.c",
      password: "hunter2hunter2",
      nested: { sessionToken: "s3cr3t", headers: { authorization: "x", cookie: "y" } },
      list: [{ apiKey: "k" }],
    });
    expect(out).toEqual({
      email: "a@b.c",
      password: "[redacted]",
      nested: { sessionToken: "[redacted]", headers: { authorization: "[redacted]", cookie: "[redacted]" } },
      list: [{ apiKey: "[redacted]" }],
    });
  });

  it("keeps an error's name and scrubbed message only", () => {
    expect(redactValue(new Error(`bad token ${jwt}`))).toEqual({ name: "Error", message: "bad token [jwt]" });
  });
});
