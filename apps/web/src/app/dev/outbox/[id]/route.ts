// Development only: one outbox mail's HTML part, as a mail client would show it.
// Served with a sandboxing CSP: no scripts, no requests, nothing of this app's.
import { getDevOutbox } from "@acme/auth";
import { getAuth } from "~/auth/server";
import { IS_PRODUCTION } from "~/config";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  getAuth();
  const outbox = IS_PRODUCTION ? null : getDevOutbox();
  const id = Number((await params).id);
  const mail = outbox?.list().find((candidate) => candidate.id === id);
  if (!mail) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(mail.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy":
        "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:",
      "cache-control": "no-store",
    },
  });
}
