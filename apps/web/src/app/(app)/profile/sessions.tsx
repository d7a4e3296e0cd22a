"use client";
import { describeDevice } from "@acme/auth/device-name";
import { useCallback, useEffect, useState } from "react";
import { authClient, useSession } from "~/auth/client";
import { Button } from "~/components/ui/button";
import { Card, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";

interface SessionRow {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  updatedAt: Date;
}

export function Sessions() {
  const toast = useToast();
  const current = useSession();
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const load = useCallback(async () => {
    const { data, error } = await authClient.listSessions();
    if (error) return toast.error(new Error(error.message ?? "Sessions could not be loaded"));
    setSessions((data ?? []) as SessionRow[]);
  }, [toast]);
  useEffect(() => {
    void load();
  }, [load]);
  const currentToken = current.data?.session.token;

  return (
    <Card
      title="Sessions"
      action={
        <Button
          variant="secondary"
          onClick={async () => {
            await authClient.revokeOtherSessions();
            toast.success("Signed out everywhere else");
            await load();
          }}
        >
          Sign out other sessions
        </Button>
      }
    >
      {!sessions ? (
        <SkeletonList rows={2} />
      ) : (
        <ul className="divide-y divide-line">
          {sessions.map((session) => (
            <li key={session.id} data-testid="session-row" className="flex items-center gap-3 py-3">
              <div className="flex-1">
                <p className="text-sm font-medium">
                  {describeDevice(session.userAgent)}
                  {session.token === currentToken && (
                    <span className="ml-2 text-xs font-medium text-green-700 dark:text-green-400">this device</span>
                  )}
                </p>
                <p className="text-xs text-muted">
                  {session.ipAddress ?? "unknown address"} · active {new Date(session.updatedAt).toLocaleString()}
                </p>
              </div>
              {session.token !== currentToken && (
                <Button
                  variant="ghost"
                  onClick={async () => {
                    await authClient.revokeSession({ token: session.token });
                    toast.success("Session signed out");
                    await load();
                  }}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
