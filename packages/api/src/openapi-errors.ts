// The one error envelope, as the REST adapter sends it, written into every
// operation of the OpenAPI document: each status an operation can answer, with
// its codes, the request id header, and the rate-limit headers on 429.
// trpc-to-openapi's own error shapes ({ message, code, issues }) are replaced.
type Schema = Record<string, unknown>;
type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, unknown>;
};

/** Every error status the API sends, the codes each carries, and what it means. */
export const ERROR_STATUSES = {
  400: { codes: ["BAD_REQUEST", "PARSE_ERROR"], description: "The input, URL or body is malformed or invalid" },
  401: { codes: ["UNAUTHORIZED"], description: "No valid credential (a JWT or an API key)" },
  403: { codes: ["FORBIDDEN"], description: "The credential lacks a scope this operation needs" },
  404: { codes: ["NOT_FOUND"], description: "No such object, or it belongs to someone else" },
  405: { codes: ["METHOD_NOT_SUPPORTED"], description: "This path does not take this method; see Allow" },
  409: { codes: ["CONFLICT"], description: "The change conflicts with the current state" },
  413: { codes: ["PAYLOAD_TOO_LARGE"], description: "The body (or the declared file) is over the limit" },
  415: { codes: ["UNSUPPORTED_MEDIA_TYPE"], description: "Send JSON with Content-Type: application/json" },
  429: { codes: ["TOO_MANY_REQUESTS"], description: "A rate limit or the failed-authentication budget is spent" },
  500: { codes: ["INTERNAL_SERVER_ERROR"], description: "A bug on our side; quote the request id" },
  503: { codes: ["SERVICE_UNAVAILABLE"], description: "A service the API needs is down; retry later" },
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUSES;

const header = (description: string, type = "string") => ({ description, schema: { type } });

const HEADERS = {
  "X-Request-ID": header("The request's id, also in error bodies"),
  "RateLimit-Limit": header("Requests allowed in the window", "integer"),
  "RateLimit-Remaining": header("Requests left in the window", "integer"),
  "RateLimit-Reset": header("Seconds until the window resets", "integer"),
  "Retry-After": header("Seconds to wait before retrying", "integer"),
  Allow: header("The methods this path takes"),
};

function envelope(codes: readonly string[]): Schema {
  return {
    type: "object",
    required: ["error"],
    additionalProperties: false,
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "requestId"],
        additionalProperties: false,
        properties: {
          code: { type: "string", enum: [...codes] },
          message: { type: "string" },
          requestId: { type: "string" },
          fields: {
            description: "Per-field messages when the input failed validation",
            type: "object",
            additionalProperties: { type: "array", items: { type: "string" } },
          },
          formErrors: { description: "Messages about the input as a whole", type: "array", items: { type: "string" } },
        },
      },
    },
  };
}

const ref = (kind: "headers" | "responses" | "schemas", name: string) => ({ $ref: `#/components/${kind}/${name}` });

function errorResponse(status: ErrorStatus) {
  const { description } = ERROR_STATUSES[status];
  const headers: Record<string, unknown> = { "X-Request-ID": ref("headers", "X-Request-ID") };
  if (status === 429) {
    for (const name of ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"]) {
      headers[name] = ref("headers", name);
    }
  }
  if (status === 405) headers.Allow = ref("headers", "Allow");
  return {
    description,
    headers,
    content: { "application/json": { schema: ref("schemas", `Error${status}`) } },
  };
}

/** The statuses one operation can answer, from its method, path, body, auth and scopes. */
export function statusesOf(method: string, operation: Operation): ErrorStatus[] {
  const statuses: ErrorStatus[] = [400, 405, 429, 500, 503];
  const secured = (operation.security?.length ?? 0) > 0;
  // 403: a role or key scope without the permission, or a member no longer in the organization.
  if (secured) statuses.push(401, 403);
  if (operation.parameters?.some((parameter) => parameter.in === "path")) statuses.push(404);
  if (method !== "get") statuses.push(409, 413);
  if (operation.requestBody) statuses.push(415);
  return statuses.sort((a, b) => a - b);
}

/** Rewrites the document's error responses in place, and adds the shared components. */
export function documentErrors(document: {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
}): void {
  document.components ??= {};
  const components = document.components;
  const schemas: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(components.schemas ?? {})) {
    if (!name.startsWith("error.")) schemas[name] = schema;
  }
  const responses: Record<string, unknown> = {};
  for (const key of Object.keys(ERROR_STATUSES)) {
    const status = Number(key) as ErrorStatus;
    schemas[`Error${status}`] = envelope(ERROR_STATUSES[status].codes);
    responses[`Error${status}`] = errorResponse(status);
  }
  components.schemas = schemas;
  components.responses = responses;
  components.headers = HEADERS;

  for (const operations of Object.values(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const success = Object.fromEntries(Object.entries(operation.responses).filter(([status]) => status < "300"));
      for (const answer of Object.values(success) as { headers?: unknown }[]) {
        answer.headers = { "X-Request-ID": ref("headers", "X-Request-ID") };
      }
      for (const status of statusesOf(method, operation)) {
        success[status] = ref("responses", `Error${status}`);
      }
      operation.responses = success;
      // A PATCH changes at least one field: every update input refuses an empty body.
      const body = operation.requestBody?.content?.["application/json"]?.schema;
      if (method === "patch" && body) body.minProperties = 1;
    }
  }
}
