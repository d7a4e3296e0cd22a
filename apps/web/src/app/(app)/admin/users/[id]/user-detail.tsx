"use client";
// One user in full (admin.users.get): who they are, what the admin can do to the account,
// their sessions and keys (each revocable), organizations, and what happened lately.
import { Button } from "~/components/ui/button";
import { Link } from "~/components/ui/link";
import { Card, Empty, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { formatDate } from "~/lib/format";
import { api } from "~/trpc/react";
import { RoleBadge, StatusBadge } from "../badges";
import { UserActions } from "./user-actions";

const MUTED = "text-sm text-muted";
const LIST = "divide-y divide-line";

export function UserDetail({ id }: { id: string }) {
  const toast = useToast();
  const utils = api.useUtils();
  const detail = api.admin.users.get.useQuery({ id });
  const refresh = () => utils.admin.users.get.invalidate({ id });
  const revokeSession = api.admin.sessions.revoke.useMutation({ onSuccess: refresh });
  const revokeKey = api.admin.apiKeys.revoke.useMutation({ onSuccess: refresh });

  if (detail.isPending) return <SkeletonList rows={4} />;
  if (detail.isError) {
    return (
      <Empty title={detail.error.data?.code === "NOT_FOUND" ? "No such user" : "The user could not be loaded"}>
        <Link href="/admin/users" className="underline">
          Back to users
        </Link>
      </Empty>
    );
  }
  const { user, sessions, apiKeys, organizations, events } = detail.data;
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 className="truncate text-xl font-semibold" data-testid="admin-user-name">
              {user.name}
            </h2>
            <p className={MUTED}>
              {user.email} · {user.emailVerified ? "verified" : "not verified"} · joined {formatDate(user.createdAt)}
              {user.twoFactorEnabled && " · two-factor on"}
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <RoleBadge role={user.role} />
              <StatusBadge banned={user.banned} until={user.banExpires} />
            </div>
            {user.banned && user.banReason && <p className="mt-2 text-sm">Ban reason: {user.banReason}</p>}
          </div>
        </div>
        <UserActions user={user} onChanged={refresh} />
      </Card>

      <Card title={`Sessions (${sessions.length})`}>
        {sessions.length === 0 ? (
          <p className={MUTED}>Not signed in anywhere.</p>
        ) : (
          <ul className={LIST}>
            {sessions.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center gap-3 py-3">
                <p className="min-w-0 flex-1 text-sm">
                  {session.userAgent ?? "Unknown device"}
                  <span className={`block ${MUTED}`}>
                    {session.ipAddress ?? "unknown address"} · since {session.createdAt.toLocaleString()}
                    {session.impersonatedBy && " · an admin acting as them"}
                  </span>
                </p>
                <Button
                  variant="secondary"
                  loading={revokeSession.isPending && revokeSession.variables?.id === session.id}
                  onClick={() =>
                    revokeSession.mutate(
                      { id: session.id },
                      { onSuccess: () => toast.success("Session ended"), onError: toast.error },
                    )
                  }
                >
                  End session
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={`API keys they made (${apiKeys.filter((key) => !key.revokedAt).length} live)`}>
        {apiKeys.length === 0 ? (
          <p className={MUTED}>None.</p>
        ) : (
          <ul className={LIST}>
            {apiKeys.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center gap-3 py-3">
                <p className="min-w-0 flex-1 text-sm">
                  {key.name} <code className="text-xs">{key.start}…</code>
                  <span className={`block ${MUTED}`}>
                    {key.scopes.join(", ")} ·{" "}
                    {key.lastUsedAt ? `used ${key.lastUsedAt.toLocaleString()}` : "never used"}
                    {key.revokedAt && ` · revoked ${formatDate(key.revokedAt)}`}
                  </span>
                </p>
                {!key.revokedAt && (
                  <Button
                    variant="secondary"
                    loading={revokeKey.isPending && revokeKey.variables?.id === key.id}
                    onClick={() =>
                      revokeKey.mutate(
                        { id: key.id },
                        { onSuccess: () => toast.success("Key revoked"), onError: toast.error },
                      )
                    }
                  >
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Organizations">
        <ul className={LIST}>
          {organizations.map((org) => (
            <li key={org.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <Link href={`/admin/organizations/${encodeURIComponent(org.id)}`} className="underline">
                {org.personal ? `${org.name} (personal)` : org.name}
              </Link>
              <span className={MUTED}>{org.role}</span>
            </li>
          ))}
        </ul>
      </Card>

      <Card
        title="Recent events"
        action={
          <Link href={`/admin/audit?actor=${encodeURIComponent(user.id)}`} className="text-sm underline">
            All of them
          </Link>
        }
      >
        {events.length === 0 ? (
          <p className={MUTED}>Nothing recorded.</p>
        ) : (
          <ul className={LIST}>
            {events.map((event) => (
              <li
                key={event.id}
                className="flex flex-wrap justify-between gap-2 py-2 text-sm"
                data-testid="admin-event"
              >
                <span>
                  <code>{event.action}</code>
                  {event.actorUserId && event.actorUserId !== user.id && (
                    <span className={MUTED}> by {event.actorUserId}</span>
                  )}
                  {event.impersonatorId && <span className={MUTED}> (impersonated by {event.impersonatorId})</span>}
                </span>
                <time className={MUTED} dateTime={event.at.toISOString()}>
                  {event.at.toLocaleString()}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
