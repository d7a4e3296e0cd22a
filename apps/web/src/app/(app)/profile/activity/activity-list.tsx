"use client";
// The caller's security activity (activity.list), newest first, a page at a time.
import { describeDevice } from "@acme/auth/device-name";
import { Button } from "~/components/ui/button";
import { Card, Empty, SkeletonList } from "~/components/ui/states";
import { byCursor, itemsOf } from "~/trpc/lists";
import { api } from "~/trpc/react";

const LABELS: Record<string, string> = {
  "user.signed_up": "Created the account",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Failed sign-in",
  "user.password_changed": "Changed the password",
  "user.password_reset": "Reset the password",
  "user.email_changed": "Changed the email address",
  "user.two_factor_enabled": "Turned on two-factor authentication",
  "user.two_factor_disabled": "Turned off two-factor authentication",
  "user.backup_codes_regenerated": "Made new backup codes",
  "user.passkey_added": "Added a passkey",
  "user.passkey_removed": "Removed a passkey",
  "session.revoked": "Signed out a session",
  "api_key.created": "Created an API key",
  "api_key.revoked": "Revoked an API key",
  "task.deleted": "Deleted a task",
  "file.deleted": "Deleted a file",
  "organization.deleted": "Deleted an organization",
  "data.exported": "Downloaded data",
  "user.signed_out": "Signed out",
  "organization.created": "Created an organization",
  "organization.updated": "Renamed an organization",
  "member.invited": "Invited someone",
  "invitation.cancelled": "Cancelled an invitation",
  "member.joined": "Joined an organization",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "member.left": "Left an organization",
  "team.created": "Created a team",
  "team.updated": "Renamed a team",
  "team.deleted": "Deleted a team",
  "team.member_added": "Added someone to a team",
  "team.member_removed": "Removed someone from a team",
  // Done by a platform admin (these appear in an admin's own activity).
  "user.banned": "Banned a user",
  "user.unbanned": "Lifted a ban",
  "user.role_set": "Set a user's platform role",
  "user.created": "Created a user",
  "user.email_verified": "Marked an address verified",
  "user.impersonation_started": "Started acting as a user",
  "user.impersonation_stopped": "Stopped acting as a user",
};

const METHODS: Record<string, string> = {
  password: "with password",
  "password+totp": "with password and code",
  "password+backup-code": "with password and backup code",
  passkey: "with a passkey",
  provider: "with a sign-in provider",
};

export function ActivityList() {
  const query = api.activity.list.useInfiniteQuery({ limit: 25 }, byCursor);
  const events = itemsOf(query.data);
  return (
    <Card title="Security activity">
      {query.isPending ? (
        <SkeletonList rows={4} />
      ) : events.length === 0 ? (
        <Empty title="No activity yet" />
      ) : (
        <ul className="divide-y divide-line">
          {events.map((event) => {
            const method = typeof event.metadata.method === "string" ? METHODS[event.metadata.method] : undefined;
            return (
              <li
                key={event.id}
                data-testid="activity-row"
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-3"
              >
                <p className="min-w-0 flex-1 font-medium">
                  {LABELS[event.action] ?? event.action}
                  {method && <span className="font-normal text-muted"> {method}</span>}
                </p>
                <p className="text-sm text-muted">
                  {event.userAgent ? `${describeDevice(event.userAgent)} · ` : ""}
                  {event.ip ?? "unknown address"} ·{" "}
                  <time dateTime={event.at.toISOString()}>{event.at.toLocaleString()}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {query.hasNextPage && (
        <div className="mt-4">
          <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Show more
          </Button>
        </div>
      )}
    </Card>
  );
}
