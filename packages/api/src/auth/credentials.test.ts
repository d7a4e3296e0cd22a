// How the request's credential headers are read: a Bearer token (any case, any
// whitespace after the scheme), an API key, or a malformed Authorization header as
// an empty (so invalid, never missing) bearer.
import { describe, expect, it } from "vitest";
import { readCredentials } from "./authenticate";

const read = (headers: Record<string, string>) => readCredentials((name) => headers[name]);

describe("readCredentials", () => {
  it("reads a bearer token whatever the scheme's case and the whitespace around it", () => {
    for (const value of [
      "Bearer abc.def.ghi",
      "bearer abc.def.ghi",
      "BEARER \t abc.def.ghi  ",
      "  Bearer\tabc.def.ghi",
    ]) {
      expect(read({ authorization: value }), value).toEqual({ bearer: "abc.def.ghi" });
    }
  });

  it("turns any other Authorization header into an empty bearer, refused as invalid", () => {
    for (const value of ["Bearerabc", "Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "", "Token abc", "Bear abc"]) {
      expect(read({ authorization: value }), value).toEqual({ bearer: "" });
    }
  });

  it("reads an API key, trimmed, beside a bearer or alone", () => {
    expect(read({ "x-api-key": " acme_key " })).toEqual({ apiKey: "acme_key" });
    expect(read({ authorization: "Bearer t", "x-api-key": "k" })).toEqual({ bearer: "t", apiKey: "k" });
    expect(read({})).toEqual({});
  });
});
