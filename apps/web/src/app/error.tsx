"use client";
// When a page fails to render: say so plainly, offer to try again, and show the
// reference a person can quote to support (never the error's own text).
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { Link } from "~/components/ui/link";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // Render the server's part again too, not only this client boundary.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-6 py-16">
      <p className="text-sm font-semibold text-red-700 dark:text-red-300">Something went wrong</p>
      <h1 className="text-3xl font-semibold tracking-tight">This page could not be shown</h1>
      <p className="text-soft">
        It is not something you did. Try again; if it keeps happening, contact support
        {error.digest ? (
          <>
            {" "}
            with the reference <code className="font-mono text-sm">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={retry}
          className="rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Try again
        </button>
        <Link
          href="/dashboard"
          className="rounded-md border border-control px-4 py-2.5 text-sm font-medium hover:bg-neutral-100 dark:hover:bg-neutral-900"
        >
          Go to your dashboard
        </Link>
      </div>
    </main>
  );
}
