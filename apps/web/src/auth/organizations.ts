"use client";
// Organization management through the auth server's endpoints, typed by Better
// Auth's organization client (only the pages that manage organizations load it).
import { ac, ROLES } from "@acme/auth/permissions";
import { organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { switchOrganization } from "./browser";

export const orgClient = createAuthClient({
  basePath: "/api/auth",
  plugins: [organizationClient({ ac, roles: ROLES, teams: { enabled: true } })],
});

export const organization = orgClient.organization;

/** The error message of a Better Auth answer, or null when it went through. */
export function failure(result: { error: { message?: string; statusText?: string } | null }): string | null {
  return result.error ? (result.error.message ?? result.error.statusText ?? "Something went wrong") : null;
}

export { switchOrganization };
