// The REST surface's OpenAPI 3.1 document, generated from the procedures' meta,
// with the error responses the REST adapter really sends (openapi-errors.ts).
import { generateOpenApiDocument } from "trpc-to-openapi";
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
  return document;
}
