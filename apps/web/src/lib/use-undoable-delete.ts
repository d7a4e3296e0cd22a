"use client";
// A delete that can be taken back: the item leaves the list at once, a toast offers
// Undo for a few seconds, and only then is the delete sent. Leaving the page sends
// the pending ones at once; closing the tab sends them to the REST API as keepalive
// requests (with the API token in memory), which outlive the page.
import { useCallback, useEffect, useRef, useState } from "react";
import { useToast } from "~/components/ui/toast";
import { useApiUrl } from "~/trpc/api-url";
import { currentApiToken } from "~/trpc/token";

export const UNDO_MS = 6_000;

interface Options {
  /** Deletes one item for good (reports its own errors by rejecting). */
  commit: (id: string) => Promise<unknown>;
  /** The item's REST path, e.g. `/tasks/<id>`: its DELETE is sent as the page goes. */
  restPath: (id: string) => string;
}

function sendOnExit(url: string) {
  const token = currentApiToken();
  if (!token) return;
  void fetch(url, { method: "DELETE", keepalive: true, headers: { authorization: `Bearer ${token}` } }).catch(() => {});
}

export function useUndoableDelete({ commit, restPath }: Options) {
  const toast = useToast();
  const apiUrl = useApiUrl();
  const commitOnExit = (id: string) => sendOnExit(`${apiUrl}/api/v1${restPath(id)}`);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const latest = useRef({ commit, commitOnExit, toast });
  latest.current = { commit, commitOnExit, toast };

  const show = useCallback((id: string) => {
    setHidden((before) => {
      const after = new Set(before);
      after.delete(id);
      return after;
    });
  }, []);
  const take = useCallback((id: string) => {
    const timer = pending.current.get(id);
    if (timer === undefined) return false;
    clearTimeout(timer);
    pending.current.delete(id);
    return true;
  }, []);
  const finish = useCallback(
    (id: string) => {
      if (!take(id)) return;
      latest.current.commit(id).catch((error: unknown) => {
        show(id);
        latest.current.toast.error(error);
      });
    },
    [show, take],
  );

  useEffect(() => {
    const exit = () => {
      for (const id of [...pending.current.keys()]) if (take(id)) latest.current.commitOnExit(id);
    };
    window.addEventListener("pagehide", exit);
    return () => {
      window.removeEventListener("pagehide", exit);
      for (const id of [...pending.current.keys()]) finish(id);
    };
  }, [finish, take]);

  const remove = (id: string, message: string) => {
    if (pending.current.has(id)) return;
    setHidden((before) => new Set(before).add(id));
    pending.current.set(
      id,
      setTimeout(() => finish(id), UNDO_MS),
    );
    toast.withAction(message, { label: "Undo", onClick: () => take(id) && show(id) }, UNDO_MS);
  };
  return { hidden, remove };
}
