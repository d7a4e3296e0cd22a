export default function LandingPage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-8">
      <h1 className="text-3xl font-semibold">Platform</h1>
      <p className="text-neutral-600 dark:text-neutral-400">
        Sign up, sign in, and call a protected API with a short-lived JWT or a scoped API key.
      </p>
    </main>
  );
}
