import { formatDate } from "~/lib/format";

const BADGE = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

export function RoleBadge({ role }: { role: string }) {
  return role === "admin" ? (
    <span className={`${BADGE} bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200`}>Admin</span>
  ) : (
    <span className={`${BADGE} bg-subtle text-neutral-700 dark:text-neutral-200`}>User</span>
  );
}

export function StatusBadge({ banned, until }: { banned: boolean; until: Date | null }) {
  if (!banned) {
    return (
      <span className={`${BADGE} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200`}>
        Active
      </span>
    );
  }
  return (
    <span className={`${BADGE} bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200`}>
      {until ? `Banned until ${formatDate(until)}` : "Banned"}
    </span>
  );
}
