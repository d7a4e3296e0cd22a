// Development only: the mails the auth server "sent" without SMTP. Absent in production.
import { getDevOutbox } from "@acme/auth";
import { notFound } from "next/navigation";
import { getAuth } from "~/auth/server";
import { IS_PRODUCTION } from "~/config";

export const dynamic = "force-dynamic";

export default function OutboxPage() {
  getAuth();
  const outbox = IS_PRODUCTION ? null : getDevOutbox();
  if (!outbox) notFound();
  const mails = outbox.list();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="mb-1 text-2xl font-semibold">Development outbox</h1>
      <p className="mb-6 text-sm text-neutral-500">
        Mails the auth server would have sent. Set SMTP_URL to send real ones.
      </p>
      {mails.length === 0 ? (
        <p className="text-neutral-500">No mail yet.</p>
      ) : (
        <ul className="space-y-4">
          {mails.map((mail) => (
            <li
              key={mail.id}
              className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
              data-testid="mail"
            >
              <p className="text-sm text-neutral-500">
                To <span data-testid="mail-to">{mail.to}</span> · {mail.sentAt.toLocaleString()}
              </p>
              <h2 className="font-medium" data-testid="mail-subject">
                {mail.subject}
              </h2>
              <iframe
                title={`Mail: ${mail.subject}`}
                // The mail as a mail client shows it; links open in the whole tab.
                srcDoc={mail.html.replace("<head>", '<head><base target="_top">')}
                sandbox="allow-top-navigation-by-user-activation allow-popups"
                className="mt-3 h-[30rem] w-full rounded-md border border-neutral-200 bg-white dark:border-neutral-800"
              />
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-neutral-600 dark:text-neutral-400">Plain-text part</summary>
                <pre className="mt-2 whitespace-pre-wrap break-words text-xs">{mail.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
