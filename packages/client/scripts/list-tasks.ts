// What another TypeScript service writes to use the API with an API key:
//   API_URL=http://localhost:4000 API_KEY=sk_... pnpm --filter @acme/client example
import { createApiClient, requestIdOf } from "../src/index";

const url = process.env.API_URL ?? "http://localhost:4000";
const apiKey = process.env.API_KEY;
if (!apiKey) {
  console.error("example: set API_KEY to a key with the tasks:read scope");
  process.exit(1);
}

const api = createApiClient({ url, apiKey });
try {
  const me = await api.me.query();
  console.log(`Signed in as ${me.userId} with an API key (${me.scopes.join(", ")})`);
  const page = await api.tasks.list.query({ limit: 10 });
  console.log(`${page.total} task(s):`);
  for (const task of page.items) console.log(`- [${task.status}] ${task.title}`);
} catch (error) {
  console.error(`example: ${(error as Error).message} (request ${requestIdOf(error) ?? "unknown"})`);
  process.exit(1);
}
