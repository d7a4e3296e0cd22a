// What a part of a server-rendered page that failed to come says, and whether it is
// said at all: Next's redirects pass through, an ended session goes to sign-in, a
// role's limit is stated, the API's own answers are shown with their request id, and
// anything else (the API unreachable, a proxy's error page) in plain words.
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

export function settle(what: string, error: unknown): PartError {
  unstable_rethrow(error); // Next's own redirects and bail-outs pass through
  const code = isTrpcError(error) ? (error.data as { code?: string } | undefined)?.code : undefined;
  // A session that ended while the page rendered: sign in again, and come back.
  if (code === "UNAUTHORIZED") redirect("/sign-in?next=%2Fdashboard");
  const { message, requestId } = describeError(error);
  if (code === "FORBIDDEN") return { message, requestId, forbidden: true };
  // Logged without the error object: its response metadata is no one's business.
  console.error(`dashboard: ${what} failed: ${message}${requestId ? ` (request ${requestId})` : ""}`);
  // Only the API's own answers (they carry a request id) are shown as they are.
  return requestId ? { message, requestId, forbidden: false } : UNANSWERED;
}
