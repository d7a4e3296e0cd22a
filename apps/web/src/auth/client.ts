"use client";
// The Better Auth React client: sign-up/in/out, sessions, passwords, two-factor,
// passkeys, sign-in providers and email changes.
import { passkeyClient } from "@better-auth/passkey/client";
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({
  basePath: "/api/auth",
  // Sign-in answers { twoFactorRedirect } itself; the sign-in form moves to the code step.
  // OpenID Connect providers sign in through signIn.social like GitHub and Google.
  plugins: [twoFactorClient(), passkeyClient()],
});

export const { useSession, signIn, signUp, signOut } = authClient;
