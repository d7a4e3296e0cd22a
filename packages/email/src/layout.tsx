/** @jsxRuntime automatic */
/** @jsxImportSource react */
// (The pragmas keep the automatic JSX runtime when a tool compiles this file outside this
// package's tsconfig, e.g. tsx running a seed or bench script from another directory.)
// The one branded layout every mail uses: a header with the product name, a card
// with the message and at most one button, and a footer saying why it was sent.
// Inline styles only (mail clients drop <style> and classes); the card is fluid
// up to 560 px, so it reads on a phone as on a desktop.
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { MailContent } from "./content";

const BRAND = "#4f46e5";

const styles = {
  body: {
    backgroundColor: "#f4f4f5",
    fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    margin: 0,
    padding: "24px 0",
  },
  container: { maxWidth: "560px", width: "100%", margin: "0 auto", padding: "0 12px" },
  brand: { color: BRAND, fontSize: "18px", fontWeight: 700, letterSpacing: "-0.01em", margin: "0 0 16px" },
  card: { backgroundColor: "#ffffff", borderRadius: "12px", border: "1px solid #e4e4e7", padding: "28px 24px" },
  heading: { color: "#18181b", fontSize: "22px", lineHeight: "28px", margin: "0 0 16px" },
  text: { color: "#3f3f46", fontSize: "15px", lineHeight: "24px", margin: "0 0 14px" },
  button: {
    backgroundColor: BRAND,
    borderRadius: "8px",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
    display: "inline-block",
  },
  link: { color: "#52525b", fontSize: "13px", lineHeight: "20px", wordBreak: "break-all" as const, margin: "16px 0 0" },
  hr: { borderColor: "#e4e4e7", margin: "20px 0" },
  footnote: { color: "#52525b", fontSize: "13px", lineHeight: "20px", margin: 0 },
  footer: { color: "#71717a", fontSize: "12px", lineHeight: "18px", margin: "16px 0 0", textAlign: "center" as const },
};

export function Layout({ content, product }: { content: MailContent; product: string }) {
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light only" />
      </Head>
      <Preview>{content.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{product}</Text>
          <Section style={styles.card}>
            <Heading as="h1" style={styles.heading}>
              {content.heading}
            </Heading>
            {content.paragraphs.map((paragraph) => (
              <Text key={paragraph} style={styles.text}>
                {paragraph}
              </Text>
            ))}
            {content.action && (
              <>
                <Section style={{ margin: "8px 0 0" }}>
                  <Button href={content.action.url} style={styles.button}>
                    {content.action.label}
                  </Button>
                </Section>
                <Text style={styles.link}>Or paste this link into your browser: {content.action.url}</Text>
              </>
            )}
            {content.footnote && (
              <>
                <Hr style={styles.hr} />
                <Text style={styles.footnote}>{content.footnote}</Text>
              </>
            )}
          </Section>
          <Text style={styles.footer}>You received this mail because of activity on your {product} account.</Text>
        </Container>
      </Body>
    </Html>
  );
}
