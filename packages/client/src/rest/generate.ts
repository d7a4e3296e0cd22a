// The REST client's types, generated from the API's OpenAPI document by
// openapi-typescript: `pnpm --filter @acme/client generate` writes them, and a test
// fails when the committed file no longer matches the document.
import { openApiDocument } from "@acme/api/openapi";
import openapiTS, { astToString } from "openapi-typescript";

export const GENERATED_PATH = new URL("./generated/schema.ts", import.meta.url);

const HEADER =
  "// Generated from the API's OpenAPI document by openapi-typescript; do not edit.\n// Regenerate: pnpm --filter @acme/client generate\n\n";

export async function generateRestTypes(): Promise<string> {
  // The server URL does not reach the types; any base works.
  const document = openApiDocument("http://localhost:4000/api/v1");
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
