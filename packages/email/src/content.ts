// What a mail says, independent of how it is drawn: the layout renders it as
// HTML, and the same content becomes the plain-text part.

export interface MailContent {
  subject: string;
  /** The line mail clients show next to the subject. */
  preview: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the message: why it was sent, what to do if it was not you. */
  footnote?: string;
}

export function plainText(content: MailContent, product: string): string {
  const parts = [content.heading, ...content.paragraphs];
  if (content.action) parts.push(`${content.action.label}: ${content.action.url}`);
  if (content.footnote) parts.push(content.footnote);
  parts.push(`-- \n${product}`);
  return `${parts.join("\n\n")}\n`;
}
