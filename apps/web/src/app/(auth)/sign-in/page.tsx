import { signInButtonsFromEnv } from "@acme/auth";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getSession } from "~/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
// The configured providers are read at request time (they come from the environment).
export const dynamic = "force-dynamic";

/** Where a signed-in visitor goes instead: the page they asked for (on this site), or the dashboard. */
function destination(next: string | string[] | undefined): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/dashboard";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  if (await getSession()) redirect(destination((await searchParams).next));
  return (
    <Suspense>
      <SignInForm providers={signInButtonsFromEnv()} />
    </Suspense>
  );
}
