"use client";
// Lists come a page at a time (cursor pagination). Pickers and name lookups need
// every member and team: these hooks follow the cursors to the end, up to a cap.
import type { RouterOutputs } from "@acme/api";
import { useEffect } from "react";
import { api } from "./react";

/** Pages of 100, at most 10: pickers show up to 1,000 members or teams. */
const PICKER = { limit: 100 };
const MAX_PAGES = 10;
const next = (page: { nextCursor: string | null }) => page.nextCursor;

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
  return { items: query.data?.pages.flatMap((page) => page.items) ?? [], isPending: query.isPending };
}

export function useAllMembers() {
  return useEveryPage<RouterOutputs["members"]["list"]["items"][number]>(
    api.members.list.useInfiniteQuery(PICKER, { getNextPageParam: next }),
  );
}

export function useAllTeams() {
  return useEveryPage<RouterOutputs["teams"]["list"]["items"][number]>(
    api.teams.list.useInfiniteQuery(PICKER, { getNextPageParam: next }),
  );
}
