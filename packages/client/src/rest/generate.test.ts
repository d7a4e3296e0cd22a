import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_PATH, generateRestTypes } from "./generate";

describe("REST client types", () => {
  it("match the API's OpenAPI document (else run: pnpm --filter @acme/client generate)", async () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(await generateRestTypes());
  });
});
