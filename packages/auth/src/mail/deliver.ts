// The one way the auth server sends a mail: content from @acme/email, drawn in
// the branded layout (HTML + plain text), handed to the configured mailer. The
// renderer (React) loads on the first mail, so a process that never mails never
// loads it.
import type { MailContent } from "@acme/email";
import type { Mailer } from "./mailer";

export async function deliver(mailer: Mailer, to: string, content: MailContent): Promise<void> {
  const { renderMail } = await import("@acme/email/render");
  await mailer.send({ to, ...(await renderMail(content)) });
}
