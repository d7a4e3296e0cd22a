"use client";
// The Better Auth React client: sign-up/in/out, sessions, password changes.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({ basePath: "/api/auth" });

export const { useSession, signIn, signUp, signOut } = authClient;
