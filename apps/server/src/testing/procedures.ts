// Every procedure of the router with an input that passes validation, so shared
// checks (anonymous callers, other tenants) cover all of them, including ones
// added later: a procedure missing here fails the coverage test.
import { appRouter } from "@acme/api";

const someId = "01900000-0000-7000-8000-000000000000";

export const SAMPLE_INPUTS: Record<string, unknown> = {
  health: undefined,
  me: undefined,
  "account.export": undefined,
  "account.archives": undefined,
  // The shared checks' databases have no job queue (no worker): a request is refused with 503, nothing queued.
  "account.requestArchive": undefined,
  "account.archiveDownload": { id: someId },
  "activity.list": {},
  // Never the right password: the shared checks must not delete their users.
  "account.delete": { password: "not-the-password" },
  "data.submit": { content: "x" },
  "tasks.list": {},
  "tasks.byId": { id: someId },
  "tasks.create": { title: "x" },
  "tasks.update": { id: someId, title: "y" },
  "tasks.delete": { id: someId },
  "files.createUpload": { filename: "a.txt", contentType: "text/plain", size: 1 },
  "files.completeUpload": { id: someId },
  "files.list": {},
  "files.downloadUrl": { id: someId },
  "files.delete": { id: someId },
  "apiKeys.list": undefined,
  "apiKeys.create": { name: "k", scopes: ["tasks:read"] },
  "apiKeys.revoke": { id: "no-such-key" },
  "organization.current": undefined,
  "organization.delete": { confirm: "not the name" },
  "organization.createLogoUpload": { contentType: "image/png", size: 100 },
  "organization.completeLogoUpload": { uploadId: someId },
  "members.list": undefined,
  "teams.list": undefined,
  "invitations.list": undefined,
  "auditLog.list": {},
  "auditLog.export": {},
  // Admin actions aim at no real account: the shared checks must change nothing.
  "admin.users.list": {},
  "admin.users.get": { id: "no-such-user" },
  "admin.users.export": {},
  "admin.users.ban": { id: "no-such-user", reason: "shared checks" },
  "admin.users.unban": { id: "no-such-user" },
  "admin.users.setRole": { id: "no-such-user", role: "user" },
  "admin.users.verifyEmail": { id: "no-such-user" },
  "admin.users.create": { email: "not-an-address", name: "x" },
  "admin.users.delete": { id: "no-such-user" },
  "admin.users.sendPasswordReset": { id: "no-such-user" },
  "admin.sessions.revoke": { id: "no-such-session" },
  "admin.apiKeys.revoke": { id: "no-such-key" },
  "admin.organizations.list": {},
  "admin.organizations.get": { id: "no-such-organization" },
  "admin.audit.list": {},
  "admin.audit.export": {},
  "admin.jobs.overview": undefined,
  "admin.jobs.runs": {},
  // Never a real job: the shared checks must queue nothing.
  "admin.jobs.run": { name: "no-such-job" },
  "admin.jobs.retry": { id: someId },
  "admin.jobs.cancel": { id: someId },
};

export const PUBLIC_PROCEDURES = new Set(["health"]);

type Def = { type: "query" | "mutation" | "subscription" };

export function allProcedures(): { path: string; type: "query" | "mutation" }[] {
  const record = appRouter._def.procedures as unknown as Record<string, { _def: Def }>;
  return Object.entries(record).map(([path, procedure]) => ({
    path,
    type: procedure._def.type === "mutation" ? "mutation" : "query",
  }));
}

export interface TrpcReply<T> {
  status: number;
  /** The result (superjson's `json` part), on success. */
  data?: T;
  error?: {
    message?: string;
    data?: { code?: string; requestId?: string; zodError?: { fieldErrors: Record<string, string[]> } | null };
  };
}

/** Calls a procedure over tRPC's HTTP wire format (no batching): the status, and the result or the error. */
export async function callTrpc<T = unknown>(
  baseUrl: string,
  path: string,
  type: "query" | "mutation",
  input: unknown,
  headers: Record<string, string> = {},
): Promise<TrpcReply<T>> {
  const payload = JSON.stringify({ json: input });
  const response =
    type === "query"
      ? await fetch(`${baseUrl}/trpc/${path}?input=${encodeURIComponent(payload)}`, { headers })
      : await fetch(`${baseUrl}/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: payload,
        });
  // superjson wraps both: { result: { data: { json } } } and { error: { json: { message, data } } }
  const body = (await response.json()) as { result?: { data?: { json?: T } }; error?: { json?: never } };
  return { status: response.status, data: body.result?.data?.json, error: body.error?.json };
}
