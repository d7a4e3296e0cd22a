import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "~/components/theme";
import { ConfirmProvider } from "~/components/ui/confirm";
import { ToastProvider } from "~/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Platform", template: "%s · Platform" },
  description: "Sign up, sign in, and call a protected API with a JWT or an API key.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request nonce: the page's CSP allows only scripts that carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-neutral-50 text-fg antialiased dark:bg-neutral-950">
        <ToastProvider>
          <ConfirmProvider>{children}</ConfirmProvider>
        </ToastProvider>
      </body>
    </html>
  );
}
