import type { ReactNode } from "react";

export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden
      data-skeleton
      className={`animate-pulse rounded-md bg-neutral-200 dark:bg-neutral-800 ${className}`}
    />
  );
}

export function SkeletonList({ rows = 3 }: { rows?: number }) {
  return (
    <div className="space-y-2" role="status" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-control p-8 text-center">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-muted">{children}</div>}
    </div>
  );
}

/** A list that failed to load: not an empty list. Says what happened and offers to try again. */
export function LoadError({
  title,
  error,
  onRetry,
  retryHref,
  children,
}: {
  title: string;
  error: { message: string; data?: { requestId?: string | null } | null };
  children?: ReactNode;
} & ({ onRetry: () => void; retryHref?: never } | { retryHref: string; onRetry?: never })) {
  const retryClass = "rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-600";
  return (
    <div
      role="alert"
      data-part-error
      className="rounded-xl border border-red-200 bg-red-50 p-6 text-center text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm">{error.message}</p>
      {error.data?.requestId && <p className="mt-1 font-mono text-xs">Request {error.data.requestId}</p>}
      <div className="mt-3 flex flex-wrap justify-center gap-2">
        {retryHref ? (
          // A server-rendered part: trying again is loading the page again.
          <a href={retryHref} className={retryClass}>
            Try again
          </a>
        ) : (
          <button type="button" onClick={onRetry} className={retryClass}>
            Try again
          </button>
        )}
        {children}
      </div>
    </div>
  );
}

export function Card({ title, action, children }: { title?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-line bg-surface p-5 shadow-sm">
      {(title || action) && (
        <div className="mb-4 flex items-center justify-between gap-4">
          {title && <h2 className="text-base font-semibold">{title}</h2>}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}

export function PageHeader({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      </div>
      {action}
    </div>
  );
}
