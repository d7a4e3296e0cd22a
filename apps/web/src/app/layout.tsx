import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "~/components/theme";
import { ToastProvider } from "~/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Platform", template: "%s · Platform" },
  description: "Sign up, sign in, and call a protected API with a JWT or an API key.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-neutral-50 text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
