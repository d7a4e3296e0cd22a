"use client";
// Shown on every page while an admin acts as someone else: whose account this is, and
// a way back to the admin's own session (the audit log records both).
import { useState } from "react";
import { postAuth } from "~/auth/browser";
import { forgetApiToken } from "~/trpc/token";
import type { CurrentUser } from "./user";

export function ImpersonationBanner({ user }: { user: CurrentUser }) {
  const [stopping, setStopping] = useState(false);
  const [failed, setFailed] = useState(false);
  const stop = async () => {
    setStopping(true);
    try {
      await postAuth("/admin/stop-impersonating");
    } catch {
      setStopping(false);
      setFailed(true);
      return;
    }
    forgetApiToken();
    window.location.replace(`/admin/users/${encodeURIComponent(user.id)}`);
  };
  return (
    <div
      role="status"
      data-testid="impersonation-banner"
      className="flex flex-wrap items-center justify-center gap-x-4 gap-y-1 bg-amber-300 px-4 py-2 text-sm text-amber-950"
    >
      <p>
        You are acting as <strong>{user.name}</strong> ({user.email}). Everything you do is recorded as done by you.
      </p>
      <button
        type="button"
        onClick={stop}
        disabled={stopping}
        className="rounded-md bg-amber-950 px-3 py-1 font-medium text-amber-50 hover:bg-amber-900 disabled:opacity-60"
      >
        {stopping ? "Stopping…" : "Stop impersonating"}
      </button>
      {failed && <p role="alert">Could not stop: sign out instead.</p>}
    </div>
  );
}
