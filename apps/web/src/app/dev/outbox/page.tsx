// Development only: the mails the auth server "sent" without SMTP. Absent in production.
import { getDevOutbox } from "@acme/auth";
import { notFound } from "next/navigation";
import { getAuth } from "~/auth/server";
import { IS_PRODUCTION } from "~/config";

export const dynamic = "force-dynamic";

/** The plain-text part, its "Label: https://…" lines as links (what a mail client would make clickable). */
function PlainText({ text }: { text: string }) {
  return (
    <div className="mt-1 space-y-2 whitespace-pre-wrap break-words">
      {text.split("\n\n").map((paragraph, index) => {
        const link = /^(.+): (https?:\/\/\S+)$/.exec(paragraph);
        return link ? (
          <p key={index}>
            <a href={link[2]} className="font-medium text-indigo-700 underline dark:text-indigo-400">
              {link[1]}
            </a>
          </p>
        ) : (
          <p key={index}>{paragraph}</p>
        );
      })}
    </div>
  );
}

export default function OutboxPage() {
  getAuth();
  const outbox = IS_PRODUCTION ? null : getDevOutbox();
  if (!outbox) notFound();
  const mails = outbox.list();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="mb-1 text-2xl font-semibold">Development outbox</h1>
      <p className="mb-6 text-sm text-muted">Mails the auth server would have sent. Set SMTP_URL to send real ones.</p>
      {mails.length === 0 ? (
        <p className="text-muted">No mail yet.</p>
      ) : (
        <ul className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-line p-4" data-testid="mail">
              <p className="text-sm text-muted">
                To <span data-testid="mail-to">{mail.to}</span> · {mail.sentAt.toLocaleString()}
              </p>
              <h2 className="font-medium" data-testid="mail-subject">
                {mail.subject}
              </h2>
              <a
                href={`/dev/outbox/${mail.id}`}
                target="_blank"
                rel="noopener"
                className="mt-2 inline-block text-sm text-indigo-700 underline dark:text-indigo-400"
              >
                View as HTML
              </a>
              <div className="mt-3 text-sm" data-testid="mail-text">
                <p className="text-xs font-medium uppercase tracking-wide text-muted">Plain-text part</p>
                <PlainText text={mail.text} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
