// The mails the auth server sends. Plain and short: a link and what it is for.
import type { Mail } from "./mailer";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function linkMail(to: string, subject: string, intro: string, action: string, url: string, outro: string): Mail {
  return {
    to,
    subject,
    text: `${intro}\n\n${action}: ${url}\n\n${outro}\n`,
    html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p><p>${escapeHtml(outro)}</p>`,
  };
}

export function verificationMail(to: string, name: string, url: string): Mail {
  return linkMail(
    to,
    "Verify your email address",
    `Hi ${name}, confirm that this address is yours to finish creating your account.`,
    "Verify email",
    url,
    "If you did not sign up, ignore this mail.",
  );
}

export function passwordResetMail(to: string, name: string, url: string): Mail {
  return linkMail(
    to,
    "Reset your password",
    `Hi ${name}, someone asked to reset the password of this account.`,
    "Choose a new password",
    url,
    "The link works once and expires in one hour. If it was not you, ignore this mail: your password is unchanged.",
  );
}

export function invitationMail(to: string, inviter: string, organization: string, role: string, url: string): Mail {
  return linkMail(
    to,
    `${inviter} invited you to ${organization}`,
    `${inviter} invited you to join ${organization} as ${role}.`,
    "Accept the invitation",
    url,
    "The invitation expires in 48 hours. Sign in (or sign up) with this address to accept it; if you did not expect it, ignore this mail.",
  );
}
