// What a part of a server-rendered page that failed to come says: Next's redirects
// pass through, a session that ended goes to sign-in, a role's limit is stated, the
// API's own answers are shown with their request id, and anything else (the API
// unreachable, a proxy's error page) in plain words.
import { redirect, unstable_rethrow } from "next/navigation";
import { describeError, isTrpcError } from "../../../lib/errors";

export interface PartError {
  message: string;
  requestId: string | null;
  /** The member's role may not see this: a fact to state, not a failure. */
  forbidden: boolean;
}

const UNANSWERED: PartError = {
  message: "The API did not answer. Try again in a moment.",
  requestId: null,
  forbidden: false,
};

/** The tRPC error code of an API answer, if the error is one. */
export function trpcCode(error: unknown): string | undefined {
  return isTrpcError(error) ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/**
 * `roleLimit`: a FORBIDDEN answer there is the member's role (API keys, for a member or
 * viewer) and is stated as such; anywhere else it is a failure like any other.
 */
export function settle(what: string, error: unknown, { roleLimit = false } = {}): PartError {
  unstable_rethrow(error); // Next's own redirects and bail-outs pass through
  // The auth server would not mint a token: the session ended as the page rendered.
  if (error instanceof Error && error.name === "SessionEndedError") redirect("/sign-in?next=%2Fdashboard");
  const code = trpcCode(error);
  const { message, requestId } = describeError(error);
  if (code === "FORBIDDEN" && roleLimit) return { message, requestId, forbidden: true };
  // Logged without the error object: its response metadata is no one's business.
  console.error(`dashboard: ${what} failed: ${message}${requestId ? ` (request ${requestId})` : ""}`);
  // Only the API's own answers (they carry a request id) are shown as they are.
  return requestId ? { message, requestId, forbidden: false } : UNANSWERED;
}
