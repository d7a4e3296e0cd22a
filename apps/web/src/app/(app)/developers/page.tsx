import type { Metadata } from "next";
import { webEnv } from "~/env";
import { CodeBlock } from "./code-block";

export const metadata: Metadata = { title: "API" };

export default function DevelopersPage() {
  const api = webEnv().API_PUBLIC_URL;
  const curl = `curl -H "X-API-Key: $API_KEY" ${api}/api/v1/tasks?limit=10

curl -X POST -H "X-API-Key: $API_KEY" -H "Content-Type: application/json" \\
  -d '{"title":"Write the report"}' ${api}/api/v1/tasks`;
  const ts = `import { createApiClient } from "@acme/client";

const api = createApiClient({ url: "${api}", apiKey: process.env.API_KEY! });
const first = await api.tasks.list.query({ limit: 10 });
// Lists page by cursor: pass nextCursor back until it is null.
const next = first.nextCursor && (await api.tasks.list.query({ limit: 10, cursor: first.nextCursor }));
await api.tasks.create.mutate({ title: "Write the report" });`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API</h1>
        <p className="mt-1 text-sm text-neutral-500">
          Call the API with an API key (<code>X-API-Key</code>) or a JWT (<code>Authorization: Bearer</code>).{" "}
          <a href={`${api}/docs`} className="text-indigo-600 hover:underline dark:text-indigo-400">
            Open the API reference
          </a>{" "}
          or fetch{" "}
          <a href={`${api}/openapi.json`} className="text-indigo-600 hover:underline dark:text-indigo-400">
            openapi.json
          </a>
          .
        </p>
      </div>
      <CodeBlock title="curl" code={curl} />
      <CodeBlock title="TypeScript (typed client)" code={ts} />
    </div>
  );
}
