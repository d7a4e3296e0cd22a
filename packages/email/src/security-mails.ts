// Notices of security-relevant changes, sent to the account's address so its
// owner hears of anything they did not do.
import type { MailContent } from "./content";

export type SecurityEvent =
  | { kind: "new-sign-in"; device: string; ip: string | null }
  | { kind: "password-changed" }
  | { kind: "two-factor-enabled" }
  | { kind: "two-factor-disabled" }
  | { kind: "passkey-added"; passkey: string }
  | { kind: "email-changed"; newEmail: string };

function describe(event: SecurityEvent): { subject: string; line: string } {
  switch (event.kind) {
    case "new-sign-in":
      return {
        subject: "New sign-in to your account",
        line: `Your account was signed in to from a new device: ${event.device}${event.ip ? ` (IP ${event.ip})` : ""}.`,
      };
    case "password-changed":
      return { subject: "Your password was changed", line: "The password of your account was changed." };
    case "two-factor-enabled":
      return {
        subject: "Two-factor authentication is on",
        line: "Two-factor authentication was turned on: signing in now also asks for a code from your authenticator app.",
      };
    case "two-factor-disabled":
      return {
        subject: "Two-factor authentication is off",
        line: "Two-factor authentication was turned off: signing in now needs only your password.",
      };
    case "passkey-added":
      return { subject: "A passkey was added", line: `A passkey named "${event.passkey}" was added to your account.` };
    case "email-changed":
      return {
        subject: "Your email address was changed",
        line: `The address of your account was changed to ${event.newEmail}. Mail about the account now goes there.`,
      };
  }
}

export function securityNoticeMail(name: string, event: SecurityEvent, at: Date, manageUrl: string): MailContent {
  const { subject, line } = describe(event);
  const when = `${at.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  return {
    subject,
    preview: line,
    heading: subject,
    paragraphs: [`Hi ${name}, ${line.charAt(0).toLowerCase()}${line.slice(1)}`, `When: ${when}.`],
    action: { label: "Review account security", url: manageUrl },
    footnote: "If this was you, there is nothing to do. If not, reset your password and review your sessions now.",
  };
}
