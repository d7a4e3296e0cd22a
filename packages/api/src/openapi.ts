// The REST surface's OpenAPI 3.1 document, generated from the procedures' meta,
// with the error responses the REST adapter really sends (openapi-errors.ts).
import { generateOpenApiDocument } from "trpc-to-openapi";
import type { Meta } from "./init";
import { documentErrors } from "./openapi-errors";
import { appRouter } from "./root";

export function openApiDocument(baseUrl: string) {
  const document = generateOpenApiDocument(appRouter, {
    title: "Platform API",
    version: "1.0.0",
    description:
      "Tasks, data entries and files. Authenticate with `Authorization: Bearer <JWT>` from the auth server's " +
      "`/api/auth/token`, or with `X-API-Key: sk_...`. Every error is `{ error: { code, message, requestId, " +
      "fields?, formErrors? } }`; each operation lists the statuses it can answer.",
    baseUrl,
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      apiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
    },
  });
  documentErrors(document as Parameters<typeof documentErrors>[0]);
  documentDownloads(document as unknown as Paths);
  return document;
}

type Paths = { paths?: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>> };

/** Downloads answer text/csv, streamed: their 200 says so instead of the JSON the generator assumed. */
function documentDownloads(document: Paths): void {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>;
  for (const { _def } of Object.values(procedures)) {
    const openapi = _def.meta?.openapi;
    if (!_def.meta?.download || !openapi) continue;
    const success = document.paths?.[openapi.path]?.[openapi.method.toLowerCase()]?.responses?.["200"];
    if (success) success.content = { "text/csv": { schema: { type: "string", description: "CSV, header first" } } };
  }
}
