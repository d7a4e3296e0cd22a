// Property-based: fast-check drives every REST operation in /openapi.json with
// generated inputs, valid and invalid (path, query, body, content type and
// credentials), and asserts the two promises of the contract: no 5xx, and every
// answer is one the document lists for that operation, with the documented body.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JsonSchema, junk, mixed, valid } from "./testing/arbitraries";
import { checkAnswer } from "./testing/contract";
import { type Harness, startHarness } from "./testing/harness";

type Parameter = { name: string; in: string; required?: boolean; schema: JsonSchema };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
};

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 100);

describe("REST fuzzing against the OpenAPI document", () => {
  let h: Harness;
  let token: string;
  let operations: { method: string; path: string; operation: Operation }[];
  beforeAll(async () => {
    // Limits lifted: this test is about answers, not about being throttled.
    h = await startHarness({
      env: { PREAUTH_RATE_LIMIT_POINTS: "0", RATE_LIMIT_READ_POINTS: "1000000", RATE_LIMIT_WRITE_POINTS: "1000000" },
    });
    ({ token } = await h.user());
    const document = (await (await fetch(`${h.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("covers every operation of the document", () => {
    expect(operations.length).toBeGreaterThanOrEqual(13);
  });

  it("answers every generated request without a 5xx, and only as documented", async () => {
    for (const { method, path, operation } of operations) {
      const parameters = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content["application/json"].schema;
      const request = fc.record({
        path: fc.record(
          Object.fromEntries(
            parameters
              .filter((p) => p.in === "path")
              .map((p) => [p.name, fc.oneof(valid(p.schema).map(String), fc.string({ unit: "binary", minLength: 1 }))]),
          ),
        ),
        query: fc.record(
          Object.fromEntries(parameters.filter((p) => p.in === "query").map((p) => [p.name, mixed(p.schema)])),
          { requiredKeys: [] },
        ),
        body: bodySchema ? fc.oneof(valid(bodySchema), mixed(bodySchema), junk) : fc.constant(undefined),
        rawBody: fc.option(fc.constantFrom("{", "[]", "null", '{"a":'), { freq: 8 }),
        contentType: fc.constantFrom("application/json", "application/json", "application/json", "text/plain", null),
        auth: fc.constantFrom("jwt", "jwt", "jwt", "none", "garbage"),
      });
      await fc.assert(
        fc.asyncProperty(request, async (input) => {
          let target = path;
          for (const [name, value] of Object.entries(input.path)) {
            target = target.replace(`{${name}}`, encodeURIComponent(value));
          }
          const url = new URL(`${h.url}/api/v1${target}`);
          for (const [name, value] of Object.entries(input.query)) {
            if (value !== undefined)
              url.searchParams.set(name, typeof value === "string" ? value : JSON.stringify(value));
          }
          const headers: Record<string, string> = {};
          if (input.auth === "jwt") headers.authorization = `Bearer ${token}`;
          if (input.auth === "garbage") headers["x-api-key"] = "sk_not_a_key";
          if (input.contentType) headers["content-type"] = input.contentType;
          const sendsBody = method !== "GET" && (input.rawBody !== null || input.body !== undefined);
          const response = await fetch(url, {
            method,
            headers,
            body: sendsBody ? (input.rawBody ?? JSON.stringify(input.body)) : undefined,
          });
          const text = await response.text();
          // JSON, except the CSV downloads (text/csv, checked as text against the document).
          const json = response.headers.get("content-type")?.startsWith("application/json") ?? true;
          const body = !text ? null : json ? JSON.parse(text) : text;
          expect(response.status, `${method} ${url.pathname}${url.search}: ${text}`).toBeLessThan(500);
          await checkAnswer({ method, url, status: response.status, headers: response.headers, body });
        }),
        // FUZZ_SEED replays a failure fast-check reported (its `seed`).
        { numRuns: RUNS_PER_OPERATION, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
      );
    }
    expect(h.logs.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  }, 120_000);
});
