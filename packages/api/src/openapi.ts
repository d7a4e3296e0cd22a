// The REST surface's OpenAPI 3.1 document, generated from the procedures' meta,
// with the error responses the REST adapter really sends (openapi-errors.ts).
import { generateOpenApiDocument } from "trpc-to-openapi";
import type { Meta } from "./init";
import { documentErrors } from "./openapi-errors";
import { appRouter } from "./root";

type Procedures = Record<string, { _def: { meta?: Meta } }>;

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
  // trpc-to-openapi names operations after procedures: "tasks.update" -> "tasks-update".
  const procedures = appRouter._def.procedures as unknown as Procedures;
  const metaByOperation = new Map(
    Object.entries(procedures).map(([path, procedure]) => [path.replaceAll(".", "-"), procedure._def.meta]),
  );
  documentErrors(document as Parameters<typeof documentErrors>[0], (id) => metaByOperation.get(id ?? ""));
  return document;
}
