/** @jsxRuntime automatic */
/** @jsxImportSource react */
// (The pragmas keep the automatic JSX runtime when a tool compiles this file outside this
// package's tsconfig, e.g. tsx running a seed or bench script from another directory.)
// Turns a mail's content into the subject, HTML and plain-text parts a mailer sends.
import { render } from "@react-email/render";
import { type MailContent, plainText } from "./content";
import { Layout } from "./layout";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export const PRODUCT_NAME = "Platform";

export async function renderMail(content: MailContent, product = PRODUCT_NAME): Promise<RenderedMail> {
  const html = await render(<Layout content={content} product={product} />);
  return { subject: content.subject, html, text: plainText(content, product) };
}
