"use client";
// A signed-in view with its data layer (tRPC, React Query, superjson: ~25 kB gzip,
// plus the view's own forms) as a chunk of its own, so the page's first load is the
// framework and the shell. The chunk is requested while the page hydrates (with the
// API token, in parallel) and the view renders when it arrives; until then, on the
// server too, a skeleton stands in its place. Nothing is drawn that cannot be used
// yet: a server-rendered view would show buttons that ignore clicks until its chunk
// had arrived. A view that talks only to the auth server says `{ api: false }` and
// loads without the data layer.
import { type ComponentType, lazy, Suspense, useSyncExternalStore } from "react";
import { SkeletonList } from "~/components/ui/states";

const noSubscription = () => () => {};
const RELOADED = "deferred-view-reloaded-at";

/** False on the server and while the page hydrates, true after. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

function reloadOncePerMinute(): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOADED) ?? 0);
    if (Date.now() - last < 60_000) return false;
    sessionStorage.setItem(RELOADED, String(Date.now()));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}

export function deferredView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { api = true }: { api?: boolean } = {},
): ComponentType<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => {
    loading ??= (async () => {
      if (!api) return { default: await load() };
      const [{ DataProvider }, Loaded] = await Promise.all([import("./react"), load()]);
      return {
        default: (props: P) => (
          <DataProvider>
            <Loaded {...props} />
          </DataProvider>
        ),
      };
    })();
    return loading;
  };
  const makeView = () =>
    lazy(() =>
      start().catch((error: unknown) => {
        // Asked for again next time (React.lazy keeps a failure: a fresh one replaces it).
        loading = undefined;
        View = makeView();
        // A chunk that cannot load (a newer deploy replaced it, or the network): load the
        // page again, once a minute at most; past that the error boundary says so, and
        // its Try again renders a fresh attempt.
        if (reloadOncePerMinute()) return new Promise<never>(() => {});
        throw error;
      }),
    );
  let View = makeView();
  return function Deferred(props: P) {
    const hydrated = useHydrated();
    if (typeof window !== "undefined") void start();
    const skeleton = <SkeletonList />;
    return hydrated ? (
      <Suspense fallback={skeleton}>
        <View {...props} />
      </Suspense>
    ) : (
      skeleton
    );
  };
}
