// The OpenAPI contract, checked on every REST answer the suite receives: the test
// helper `call` passes each /api/v1 response through `checkAnswer`, which finds the
// operation in the server's own /openapi.json and validates the status (it must be
// documented), the body (openapi-backend, Ajv underneath) and the headers every
// answer promises. A route added later is covered without a line of test.
import { Validator } from "@seriousme/openapi-schema-validator";
import { OpenAPIBackend } from "openapi-backend";

const contracts = new Map<string, Promise<OpenAPIBackend>>();

/** The server's contract, fetched from its /openapi.json once per origin. */
export async function loadContract(origin: string): Promise<OpenAPIBackend> {
  let contract = contracts.get(origin);
  if (!contract) {
    contract = (async () => {
      const document = await (await fetch(`${origin}/openapi.json`)).json();
      // The document itself must be valid OpenAPI 3.1 (openapi-backend only knows 3.0's schema: `quick` skips it).
      const verdict = await new Validator().validate(document);
      if (!verdict.valid) throw new ContractError(`/openapi.json is not valid: ${JSON.stringify(verdict.errors)}`);
      const api = new OpenAPIBackend({ definition: document, apiRoot: "/api/v1", strict: true, quick: true });
      return api.init();
    })();
    contracts.set(origin, contract);
  }
  return contract;
}

export class ContractError extends Error {
  override readonly name = "ContractError";
}

export interface Answer {
  method: string;
  url: URL;
  status: number;
  headers: Headers;
  body: unknown;
}

/** Throws a ContractError when a REST answer is not what /openapi.json says it can be. */
export async function checkAnswer(answer: Answer): Promise<void> {
  const api = await loadContract(answer.url.origin);
  const where = `${answer.method} ${answer.url.pathname} -> ${answer.status}`;
  if (!answer.headers.get("x-request-id")) throw new ContractError(`${where}: no X-Request-ID`);
  if (answer.status === 429 && !answer.headers.get("retry-after")) throw new ContractError(`${where}: no Retry-After`);
  if (answer.status === 405 && !answer.headers.get("allow")) throw new ContractError(`${where}: no Allow`);

  let operation: ReturnType<OpenAPIBackend["matchOperation"]>;
  try {
    operation = api.matchOperation({
      method: answer.method.toLowerCase(),
      // Matched as sent, like the server's router does: an encoded "/" stays inside its segment.
      path: answer.url.pathname,
      query: Object.fromEntries(answer.url.searchParams),
      headers: {},
    });
  } catch {
    operation = undefined; // a path that is not even decodable: only the 400 envelope fits
  }
  if (!operation) {
    // No operation: an unknown path (404), another method's path (405) or a malformed URL (400).
    if (![400, 404, 405, 429].includes(answer.status)) {
      throw new ContractError(`${where}: no operation, and ${answer.status} is not an answer for that`);
    }
    // The envelope for that status, as any operation that documents it describes it.
    const model = api.getOperations().find((candidate) => String(answer.status) in (candidate.responses ?? {}));
    if (!model) throw new ContractError(`${where}: no operation documents ${answer.status}`);
    const result = api.validateResponse(answer.body, model, answer.status);
    if (!result.valid) throw new ContractError(`${where}: ${JSON.stringify(result.errors)}`);
    return;
  }
  const documented = Object.keys((operation.responses ?? {}) as object);
  if (!documented.includes(String(answer.status))) {
    throw new ContractError(`${where}: status not documented for ${operation.operationId} (${documented.join(", ")})`);
  }
  const result = api.validateResponse(answer.body, operation, answer.status);
  if (!result.valid) {
    throw new ContractError(`${where}: body does not match the document: ${JSON.stringify(result.errors)}`);
  }
}
