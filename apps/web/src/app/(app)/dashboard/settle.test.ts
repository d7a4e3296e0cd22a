import { TRPCClientError } from "@trpc/client";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { settle } from "./settle";

// The API's answers as the tRPC client turns them into errors (its own class, from the wire shape).
const answer = (code: string, httpStatus: number, message: string) =>
  TRPCClientError.from({ error: { message, code: -32000, data: { code, httpStatus, requestId: "req-1" } } });

describe("a dashboard part that failed to come", () => {
  it("states a role's limit where one is expected, without logging it as a failure", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const refusal = answer("FORBIDDEN", 403, "Your role (viewer) cannot apiKey:read");
    expect(settle("apiKeys.list", refusal, { roleLimit: true })).toEqual({
      message: "Your role (viewer) cannot apiKey:read",
      requestId: "req-1",
      forbidden: true,
    });
    expect(log).not.toHaveBeenCalled();
    // Elsewhere (every role reads tasks) a refusal is a failure: not a member any more, suspended.
    expect(settle("tasks.list", answer("FORBIDDEN", 403, "This account is suspended"))).toEqual({
      message: "This account is suspended",
      requestId: "req-1",
      forbidden: false,
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("shows the API's own answer with its request id, and logs it", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(settle("tasks.list", answer("TOO_MANY_REQUESTS", 429, "Rate limit exceeded; retry in 5s"))).toEqual({
      message: "Rate limit exceeded; retry in 5s",
      requestId: "req-1",
      forbidden: false,
    });
    expect(log).toHaveBeenCalledWith("dashboard: tasks.list failed: Rate limit exceeded; retry in 5s (request req-1)");
    log.mockRestore();
  });

  it("says anything else in plain words, never the raw error", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const settled = settle("files.list", new TypeError("fetch failed"));
    expect(settled).toEqual({
      message: "The API did not answer. Try again in a moment.",
      requestId: null,
      forbidden: false,
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("sends a session that ended to sign-in, and lets Next's own redirects through", () => {
    const redirected = (error: unknown) => {
      try {
        settle("the API token", error);
      } catch (thrown) {
        return isRedirectError(thrown) ? thrown.digest : "not a redirect";
      }
      return "returned";
    };
    const ended = Object.assign(new Error("The session has ended"), { name: "SessionEndedError" });
    expect(redirected(ended)).toContain("/sign-in?next=%2Fdashboard");
    let nextRedirect: unknown;
    try {
      redirect("/somewhere");
    } catch (thrown) {
      nextRedirect = thrown;
    }
    expect(redirected(nextRedirect)).toContain("/somewhere");
    // The API refusing a token is not the session ending (sign-in would send the person back).
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(redirected(answer("UNAUTHORIZED", 401, "Invalid token"))).toBe("returned");
    log.mockRestore();
  });
});
