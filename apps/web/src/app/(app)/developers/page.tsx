// The API guide: how to authenticate (API key or JWT), what scopes grant, how lists
// page, what errors look like, the file flow, and a typed client generated from the
// OpenAPI document (nothing private to this repository).
import { authEnv } from "@acme/auth/env";
import { API_KEY_SCOPES } from "@acme/validators/constants";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Link } from "~/components/ui/link";
import { webEnv } from "~/env";
import { CodeBlock } from "./code-block";

export const metadata: Metadata = { title: "API" };

const LINK = "text-link underline underline-offset-2";

const SCOPE_TEXT: Record<(typeof API_KEY_SCOPES)[number], string> = {
  "tasks:read": "list and read tasks",
  "tasks:write": "create, edit, complete and delete tasks",
  "files:read": "list files and get download links",
  "files:write": "upload and delete files",
  "data:write": "submit data entries",
  "members:read": "list the organization's members",
  "audit:read": "read and export the organization's audit log",
  "admin:read": "platform administration, read (only an admin can grant it)",
  "admin:write": "platform administration, changes (only an admin can grant it)",
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      <div className="space-y-3 text-sm text-soft">{children}</div>
    </section>
  );
}

export default function DevelopersPage() {
  const api = webEnv().API_PUBLIC_URL;
  const site = authEnv().BETTER_AUTH_URL.replace(/\/$/, "");
  const keyCurl = `curl -H "X-API-Key: $API_KEY" "${api}/api/v1/tasks?limit=10"

curl -X POST -H "X-API-Key: $API_KEY" -H "Content-Type: application/json" \\
  -d '{"title":"Write the report"}' ${api}/api/v1/tasks`;
  const jwtCurl = `# In the browser, signed in: a token for the active organization (valid minutes)
TOKEN=$(curl -s -b cookies.txt ${site}/api/auth/token | jq -r .token)
curl -H "Authorization: Bearer $TOKEN" ${api}/api/v1/me`;
  const paging = `curl -H "X-API-Key: $API_KEY" "${api}/api/v1/tasks?limit=20"
# { "items": [...], "nextCursor": "eyJ...", "total": { "count": 10000, "exact": false } }
curl -H "X-API-Key: $API_KEY" "${api}/api/v1/tasks?limit=20&cursor=eyJ..."`;
  const error = `HTTP/1.1 403 Forbidden
{ "error": { "code": "FORBIDDEN", "message": "This key lacks the tasks:write scope",
             "requestId": "01HF..." } }`;
  const files = `# 1. Ask for an upload URL (the row is pending)
curl -X POST -H "X-API-Key: $API_KEY" -H "Content-Type: application/json" \\
  -d '{"filename":"report.pdf","contentType":"application/pdf","size":48213}' ${api}/api/v1/files
# 2. PUT the bytes to the returned uploadUrl (straight to storage, before it expires)
curl -X PUT --data-binary @report.pdf "$UPLOAD_URL"
# 3. Complete it: the size and type are checked, then the file is ready
curl -X POST -H "X-API-Key: $API_KEY" -H "Content-Type: application/json" -d '{}' \\
  ${api}/api/v1/files/$FILE_ID/complete`;
  const typed = `# Types from the OpenAPI document, a small fetch client (both public npm packages)
npx openapi-typescript ${api}/openapi.json -o api.d.ts
npm install openapi-fetch

import createClient from "openapi-fetch";
import type { paths } from "./api.d.ts";

const api = createClient<paths>({ baseUrl: "${api}/api/v1", headers: { "X-API-Key": process.env.API_KEY! } });
const { data, error } = await api.GET("/tasks", { params: { query: { limit: 10 } } });
if (error) throw new Error(\`\${error.error.code}: \${error.error.message} (\${error.error.requestId})\`);
await api.POST("/tasks", { body: { title: "Write the report" } });`;

  return (
    <div className="max-w-3xl space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API</h1>
        <p className="mt-1 text-sm text-soft">
          Everything the app does goes through the same API. Browse the{" "}
          <a href={`${api}/docs`} className={LINK}>
            API reference
          </a>{" "}
          or fetch the{" "}
          <a href={`${api}/openapi.json`} className={LINK}>
            OpenAPI document
          </a>
          .
        </p>
      </div>
      <Section id="keys" title="Authenticate with an API key">
        <p>
          For scripts and servers.{" "}
          <Link href="/api-keys" className={LINK}>
            Create a key
          </Link>{" "}
          in the organization it should act for, with only the scopes it needs, and send it as <code>X-API-Key</code>.
          The key is shown once; revoke it any time.
        </p>
        <CodeBlock title="curl with an API key" code={keyCurl} />
      </Section>
      <Section id="jwt" title="Or with a short-lived token (JWT)">
        <p>
          For code acting as a signed-in person: <code>GET /api/auth/token</code> on this site returns a token for your
          active organization, valid a few minutes, signed with Ed25519 (keys at <code>/api/auth/jwks</code>). Send it
          as <code>Authorization: Bearer</code>.
        </p>
        <CodeBlock title="curl with a JWT" code={jwtCurl} />
      </Section>
      <Section id="scopes" title="Scopes">
        <p>A key can do only what its scopes and its creator's role in the organization allow.</p>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
          {API_KEY_SCOPES.map((scope) => (
            <div key={scope} className="contents">
              <dt>
                <code>{scope}</code>
              </dt>
              <dd>{SCOPE_TEXT[scope]}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="pagination" title="Lists and pagination">
        <p>
          Lists return <code>items</code> and a <code>nextCursor</code>: pass it back as <code>cursor</code> until it is
          null. Cursors are opaque and signed. The first page carries a <code>total</code>, exact up to 10,000; past
          that, <code>exact</code> is false: there are more.
        </p>
        <CodeBlock title="Pages by cursor" code={paging} />
      </Section>
      <Section id="errors" title="Errors and limits">
        <p>
          Every error is JSON with a <code>code</code>, a <code>message</code> for people and the <code>requestId</code>{" "}
          to quote to support: 400 bad input, 401 no or bad credential, 403 not allowed, 404 not found (or not yours),
          409 conflict, 413 too large, 429 rate limited (<code>Retry-After</code> and <code>RateLimit-*</code> headers
          say when to retry).
        </p>
        <CodeBlock title="An error" code={error} />
      </Section>
      <Section id="files" title="Uploading a file">
        <p>Files go straight to storage through a short-lived URL, then are checked before they count.</p>
        <CodeBlock title="The upload flow" code={files} />
      </Section>
      <Section id="client" title="A typed client for TypeScript">
        <CodeBlock title="Generated from the OpenAPI document" code={typed} />
      </Section>
    </div>
  );
}
