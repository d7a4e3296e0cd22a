// The landing page: what the product is, what it does for a team and for a script, how
// to start; a footer with the docs. Signed-in visitors are offered their dashboard.

import { getSession } from "~/auth/session";
import { Link } from "~/components/ui/link";
import { webEnv } from "~/env";

export const dynamic = "force-dynamic";

const PRIMARY =
  "rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const SECONDARY =
  "rounded-md border border-control px-4 py-2.5 text-sm font-medium hover:bg-neutral-100 dark:hover:bg-neutral-900";

const FEATURES = [
  {
    title: "Tasks and files for your team",
    body: "Organizations with owners, admins, members and viewers; teams; files uploaded straight to storage and checked on arrival.",
  },
  {
    title: "One API, two ways in",
    body: "The web app and your scripts call the same typed API: with a short-lived token from your session, or a scoped API key.",
  },
  {
    title: "Secure by default",
    body: "Passkeys, two-factor codes, social and OpenID sign-in; sessions you can see and end; rate limits on every route.",
  },
  {
    title: "Operated, not just built",
    body: "An admin console, a tamper-evident audit log, background jobs with history, and exports of your data at any time.",
  },
];

const STEPS = [
  "Create an account and confirm your email.",
  "Add tasks and files, or invite your team.",
  "Create an API key with only the scopes a script needs, and call the REST API.",
];

export default async function LandingPage() {
  const session = await getSession();
  const api = webEnv().API_PUBLIC_URL;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-6 py-5">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <img src="/icon.svg" alt="" width={28} height={28} />
          Platform
        </Link>
        <nav aria-label="Account" className="flex items-center gap-2 text-sm">
          {session ? (
            <Link href="/dashboard" className={SECONDARY}>
              Dashboard
            </Link>
          ) : (
            <Link href="/sign-in" className={SECONDARY}>
              Sign in
            </Link>
          )}
        </nav>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-6">
        <section className="flex flex-col gap-6 py-16 sm:py-24">
          <h1 className="max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
            Your tasks and files, behind an API you control.
          </h1>
          <p className="max-w-2xl text-lg text-soft">
            Sign up, keep your team's tasks and files in one place, and call the same API from your scripts with a
            scoped API key or a short-lived token.
          </p>
          <div className="flex flex-wrap gap-3">
            {session ? (
              <Link href="/dashboard" className={PRIMARY}>
                Open your dashboard
              </Link>
            ) : (
              <>
                <Link href="/sign-up" className={PRIMARY}>
                  Create an account
                </Link>
                <Link href="/sign-in" className={SECONDARY}>
                  Sign in
                </Link>
              </>
            )}
          </div>
        </section>
        <section aria-labelledby="features" className="py-12">
          <h2 id="features" className="text-2xl font-semibold tracking-tight">
            What you get
          </h2>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {FEATURES.map((feature) => (
              <li key={feature.title} className="rounded-xl border border-line bg-surface p-5">
                <h3 className="font-semibold">{feature.title}</h3>
                <p className="mt-2 text-sm text-soft">{feature.body}</p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="start" className="py-12">
          <h2 id="start" className="text-2xl font-semibold tracking-tight">
            Start in three steps
          </h2>
          <ol className="mt-6 grid gap-4 sm:grid-cols-3">
            {STEPS.map((step, index) => (
              <li key={step} className="flex gap-3 text-neutral-800 dark:text-neutral-200">
                <span
                  aria-hidden
                  className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                >
                  {index + 1}
                </span>
                {step}
              </li>
            ))}
          </ol>
        </section>
      </main>
      <footer className="border-t border-line">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-6 py-6 text-sm text-soft">
          <p>Platform: tasks, files and a typed API.</p>
          <nav aria-label="Documentation" className="flex flex-wrap gap-4">
            <Link
              href="/developers"
              className="underline underline-offset-4 hover:text-neutral-950 dark:hover:text-white"
            >
              API guide
            </Link>
            <a
              href={`${api}/docs`}
              className="underline underline-offset-4 hover:text-neutral-950 dark:hover:text-white"
            >
              API reference
            </a>
            <a
              href={`${api}/openapi.json`}
              className="underline underline-offset-4 hover:text-neutral-950 dark:hover:text-white"
            >
              OpenAPI document
            </a>
          </nav>
        </div>
      </footer>
    </div>
  );
}
