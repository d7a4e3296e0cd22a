// The 404 of every route: in the product's look, with a way back.
import type { Metadata } from "next";
import { Link } from "~/components/ui/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-6 py-16">
      <p className="text-sm font-semibold text-link">404</p>
      <h1 className="text-3xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="text-soft">
        The link may be old, or the page was moved. Check the address, or go back to where you were working.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link
          href="/dashboard"
          className="rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          Go to your dashboard
        </Link>
        <Link
          href="/"
          className="rounded-md border border-control px-4 py-2.5 text-sm font-medium hover:bg-neutral-100 dark:hover:bg-neutral-900"
        >
          Home
        </Link>
      </div>
    </main>
  );
}
