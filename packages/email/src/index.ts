// What every mail of the platform says. Drawing them (React Email) lives in
// "@acme/email/render", loaded only by a process that sends mail.
export * from "./account-mails";
export { type MailContent, plainText } from "./content";
export * from "./security-mails";
