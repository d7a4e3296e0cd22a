import Link from "next/link";
import { getSession } from "~/auth/session";

export const dynamic = "force-dynamic";

export default async function LandingPage() {
  const session = await getSession();
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-6 py-16">
      <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">Platform</p>
      <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">
        Your tasks and files, behind an API you control.
      </h1>
      <p className="text-lg text-neutral-600 dark:text-neutral-400">
        Sign up, keep tasks and files, and call the same API from your scripts with a scoped API key or a short-lived
        token.
      </p>
      <div className="flex flex-wrap gap-3">
        {session ? (
          <Link
            href="/dashboard"
            className="rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Open your dashboard
          </Link>
        ) : (
          <>
            <Link
              href="/sign-up"
              className="rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-indigo-500"
            >
              Create an account
            </Link>
            <Link
              href="/sign-in"
              className="rounded-md border border-neutral-300 px-4 py-2.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900"
            >
              Sign in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
