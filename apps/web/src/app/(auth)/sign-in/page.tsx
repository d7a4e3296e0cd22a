import { signInButtonsFromEnv } from "@acme/auth";
import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
// The configured providers are read at request time (they come from the environment).
export const dynamic = "force-dynamic";

export default function SignInPage() {
  return (
    <Suspense>
      <SignInForm providers={signInButtonsFromEnv()} />
    </Suspense>
  );
}
