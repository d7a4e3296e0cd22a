// Sending mail from other processes (the worker): the same mailers and layout as the auth server.
export { deliver } from "./deliver";
export { DevOutbox, type Mail, type Mailer, SmtpMailer } from "./mailer";
