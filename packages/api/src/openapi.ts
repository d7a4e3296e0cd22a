// The REST surface's OpenAPI 3.1 document, generated from the procedures' meta.
import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "./root";

export function openApiDocument(baseUrl: string) {
  return generateOpenApiDocument(appRouter, {
    title: "Platform API",
    version: "1.0.0",
    description:
      "Tasks, data entries and files. Authenticate with `Authorization: Bearer <JWT>` from the auth server's " +
      "`/api/auth/token`, or with `X-API-Key: sk_...`. Errors are `{ error: { code, message, requestId } }`.",
    baseUrl,
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      apiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
    },
  });
}
