// How the auth server sends mail: SMTP when SMTP_URL is set, otherwise a
// development outbox that keeps each mail in memory for the dev-only outbox page.
import { type Lazy, lazy } from "@acme/config/lazy";
import type { Transporter } from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly kind: "smtp" | "outbox";
  send(mail: Mail): Promise<void>;
}

export interface OutboxMail extends Mail {
  id: number;
  sentAt: Date;
}

export interface MailLog {
  info(message: string): void;
}

/** Keeps the newest mails; the outbox page reads them. Never used in production. */
export class DevOutbox implements Mailer {
  readonly kind = "outbox" as const;
  private readonly mails: OutboxMail[] = [];
  private nextId = 1;

  constructor(
    private readonly log: MailLog,
    private readonly capacity = 200,
  ) {}

  async send(mail: Mail): Promise<void> {
    this.mails.unshift({ ...mail, id: this.nextId++, sentAt: new Date() });
    this.mails.length = Math.min(this.mails.length, this.capacity);
    // The body holds one-time links: log who and what, never the content.
    this.log.info(`outbox: mail to ${mail.to}: "${mail.subject}" (open /dev/outbox to read it)`);
  }

  list(): readonly OutboxMail[] {
    return this.mails;
  }

  /** The newest mail to `to`, optionally whose subject contains `subject`. */
  latest(to: string, subject?: string): OutboxMail | undefined {
    return this.mails.find((mail) => mail.to === to && (!subject || mail.subject.includes(subject)));
  }
}

export class SmtpMailer implements Mailer {
  readonly kind = "smtp" as const;
  // nodemailer (~0.5 MB of code) is loaded by the first mail, not by every process that could send one.
  private readonly transport: Lazy<Transporter>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = lazy(async () => (await import("nodemailer")).default.createTransport(smtpUrl));
  }

  async send(mail: Mail): Promise<void> {
    await (await this.transport.get()).sendMail({ from: this.from, ...mail });
  }
}
