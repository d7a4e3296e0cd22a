"use client";
// When the root layout itself fails: a page of its own (no layout, no styles of the app
// can be relied on), with a way to try again.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body
        style={{ fontFamily: "system-ui, sans-serif", margin: "4rem auto", maxWidth: "36rem", padding: "0 1.5rem" }}
      >
        <main>
          <h1>Something went wrong</h1>
          <p>The app could not start this page. It is not something you did.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
