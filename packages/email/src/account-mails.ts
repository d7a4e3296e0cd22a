// Mails that carry a one-time link: the person asked for something and must
// prove they hold the address.
import type { MailContent } from "./content";

export function verificationMail(name: string, url: string): MailContent {
  return {
    subject: "Verify your email address",
    preview: "Confirm your address to finish creating your account.",
    heading: "Confirm your email address",
    paragraphs: [`Hi ${name}, confirm that this address is yours to finish creating your account.`],
    action: { label: "Verify email", url },
    footnote: "The link expires in 24 hours. If you did not sign up, ignore this mail.",
  };
}

export function passwordResetMail(name: string, url: string): MailContent {
  return {
    subject: "Reset your password",
    preview: "Someone asked to reset the password of your account.",
    heading: "Reset your password",
    paragraphs: [`Hi ${name}, someone asked to reset the password of this account.`],
    action: { label: "Choose a new password", url },
    footnote:
      "The link works once and expires in one hour. If it was not you, ignore this mail: your password is unchanged.",
  };
}

export function invitationMail(inviter: string, organization: string, role: string, url: string): MailContent {
  return {
    subject: `${inviter} invited you to ${organization}`,
    preview: `Join ${organization} as ${role}.`,
    heading: `Join ${organization}`,
    paragraphs: [`${inviter} invited you to join ${organization} as ${role}.`],
    action: { label: "Accept the invitation", url },
    footnote:
      "The invitation expires in 48 hours. Sign in (or sign up) with this address to accept it; if you did not expect it, ignore this mail.",
  };
}

/** Sign-up answers the same whether or not the address is taken; the owner learns of the attempt here. */
export function signUpAttemptMail(name: string, signInUrl: string, resetUrl: string): MailContent {
  return {
    subject: "Someone tried to sign up with your address",
    preview: "You already have an account: sign in instead.",
    heading: "You already have an account",
    paragraphs: [
      `Hi ${name}, someone just tried to create an account with this address. You already have one, so nothing was created.`,
      `If it was you, sign in. Forgot your password? Reset it here: ${resetUrl}`,
    ],
    action: { label: "Sign in", url: signInUrl },
    footnote: "If it was not you, you can ignore this mail: your account is unchanged.",
  };
}

export function changeEmailMail(name: string, newEmail: string, url: string): MailContent {
  return {
    subject: "Confirm your new email address",
    preview: `Confirm ${newEmail} as your new sign-in address.`,
    heading: "Confirm your new email address",
    paragraphs: [`Hi ${name}, confirm that ${newEmail} is yours to make it the address you sign in with.`],
    action: { label: "Confirm new address", url },
    footnote: "The link expires in 24 hours. Until you confirm, your current address stays in use.",
  };
}

export function deleteAccountMail(name: string, url: string): MailContent {
  return {
    subject: "Confirm deleting your account",
    preview: "Confirm to delete your account and its data for good.",
    heading: "Delete your account?",
    paragraphs: [
      `Hi ${name}, someone asked to delete this account. Deleting removes your profile, sessions, API keys and your personal workspace with its tasks and files. It cannot be undone.`,
    ],
    action: { label: "Delete my account", url },
    footnote: "The link expires in one hour. If it was not you, ignore this mail and change your password.",
  };
}

/** The link leads to the signed-in profile page, which hands out a short-lived download URL. */
export function exportReadyMail(name: string, url: string, expiresAt: Date): MailContent {
  const until = expiresAt.toUTCString().replace(/:\d\d GMT$/, " UTC");
  return {
    subject: "Your data export is ready",
    preview: "The archive of your account's data is ready to download.",
    heading: "Your data export is ready",
    paragraphs: [
      `Hi ${name}, the archive you asked for (your profile, sessions, API keys, tasks and files) is ready. Sign in and download it from your profile.`,
    ],
    action: { label: "Download my data", url },
    footnote: `The archive is kept until ${until}, then deleted. If you did not ask for it, change your password.`,
  };
}
