import { signInButtonsFromEnv } from "@acme/auth";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getSession } from "~/auth/session";
import { safeNextPath } from "~/lib/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
// The configured providers are read at request time (they come from the environment).
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  // A signed-in visitor goes on: to the page they asked for (on this site), or the dashboard.
  const { next } = await searchParams;
  if (await getSession()) redirect(safeNextPath(typeof next === "string" ? next : null));
  return (
    <Suspense>
      <SignInForm providers={signInButtonsFromEnv()} />
    </Suspense>
  );
}
