// The app's link: Next's, without prefetching. Every page here renders per request
// (its CSP nonce, the session), so a prefetch is a full server render; the dashboard's
// load ran 17 of them and sign-in's 6, keeping the browser busy taking them in. A page
// is fetched when its link is followed. next/link is imported here only (biome.json).
import NextLink from "next/link";
import type { ComponentProps } from "react";

export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
