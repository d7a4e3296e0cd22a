"use client";
// A signed-in view with its data layer (tRPC, React Query, superjson: ~25 kB gzip,
// plus the view's own forms) as a chunk of its own, so the page's first load is the
// framework and the shell. The server renders the view in full; in the browser the
// chunk is fetched as hydration starts (with the API token, in parallel), and the
// view hydrates when it arrives, inside its own Suspense boundary. A view that talks
// only to the auth server says `{ api: false }` and loads without the data layer.
import { type ComponentType, lazy, Suspense } from "react";
import { SkeletonList } from "~/components/ui/states";

export function deferredView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { api = true }: { api?: boolean } = {},
): ComponentType<P> {
  const View = lazy(async () => {
    if (!api) return { default: await load() };
    const [{ DataProvider }, Loaded] = await Promise.all([import("./react"), load()]);
    return {
      default: (props: P) => (
        <DataProvider>
          <Loaded {...props} />
        </DataProvider>
      ),
    };
  });
  return function Deferred(props: P) {
    return (
      <Suspense fallback={<SkeletonList />}>
        <View {...props} />
      </Suspense>
    );
  };
}
