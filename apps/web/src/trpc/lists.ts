"use client";
// Lists come a page at a time (cursor pagination): what every list view shares to
// read them with infinite queries. Pickers and name lookups need every member and
// team: those hooks follow the cursors to the end, up to a cap.
import type { RouterOutputs } from "@acme/api";
import { useEffect } from "react";
import { api } from "./react";

/** Pages of 100, at most 10: pickers show up to 1,000 members or teams. */
const PICKER = { limit: 100 };
const MAX_PAGES = 10;
/** The options of every list's infinite query: the next page starts at `nextCursor`. */
export const byCursor = { getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor };

/** The items of every page loaded so far. */
export function itemsOf<Item>(data: { pages: { items: Item[] }[] } | undefined): Item[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

interface Pages<Item> {
  data?: { pages: { items: Item[] }[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** A page failed: stop following cursors (the query shows what it has). */
  isFetchNextPageError: boolean;
  isPending: boolean;
  fetchNextPage: () => Promise<unknown>;
}

function useEveryPage<Item>(query: Pages<Item>): { items: Item[]; isPending: boolean } {
  const loaded = query.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && loaded < MAX_PAGES) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, loaded, fetchNextPage]);
  return { items: itemsOf(query.data), isPending: query.isPending };
}

export function useAllMembers() {
  return useEveryPage<RouterOutputs["members"]["list"]["items"][number]>(
    api.members.list.useInfiniteQuery(PICKER, byCursor),
  );
}

export function useAllTeams() {
  return useEveryPage<RouterOutputs["teams"]["list"]["items"][number]>(
    api.teams.list.useInfiniteQuery(PICKER, byCursor),
  );
}
