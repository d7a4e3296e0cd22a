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
