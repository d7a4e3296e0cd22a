"use client";
// A delete that can be taken back: the item leaves every list at once, a toast offers
// Undo for a few seconds, and only then is the delete sent. Pending deletes belong to
// the tab, not to the view: moving to another page keeps the Undo; signing out or
// switching organization (which forget the API token) and leaving or hiding the page
// send them at once, to the REST API as keepalive requests that outlive the page.
import { useSyncExternalStore } from "react";
import { useToast } from "~/components/ui/toast";
import { useApiUrl } from "~/trpc/api-url";
import { beforeApiTokenForgotten, currentApiToken, getApiToken } from "~/trpc/token";

export const UNDO_MS = 6_000;

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  commit: () => Promise<unknown>;
  exitUrl: string;
  onError: (error: unknown) => void;
  closeToast: () => void;
}

const pending = new Map<string, Pending>();
/** Sent, or on their way: hidden until the lists that held them are fetched again. */
const gone = new Set<string>();
const listeners = new Set<() => void>();
let hidden: ReadonlySet<string> = new Set();
const NONE: ReadonlySet<string> = new Set();

function changed() {
  hidden = new Set([...pending.keys(), ...gone]);
  for (const listener of listeners) listener();
}

function take(id: string): Pending | undefined {
  const entry = pending.get(id);
  if (!entry) return undefined;
  clearTimeout(entry.timer);
  entry.closeToast();
  pending.delete(id);
  return entry;
}

function send(id: string) {
  const entry = take(id);
  if (!entry) return;
  gone.add(id);
  changed();
  entry.commit().catch((error: unknown) => {
    gone.delete(id);
    changed();
    entry.onError(error);
  });
}

function sendAllOnExit(token: string | null) {
  for (const id of [...pending.keys()]) {
    const entry = take(id);
    if (!entry || !token) continue;
    gone.add(id);
    void fetch(entry.exitUrl, {
      method: "DELETE",
      keepalive: true,
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => {});
  }
  changed();
}

if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => sendAllOnExit(currentApiToken()));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") sendAllOnExit(currentApiToken());
  });
  beforeApiTokenForgotten(sendAllOnExit);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

interface Options {
  /** Deletes one item for good (rejects with the API's error). */
  commit: (id: string) => Promise<unknown>;
  /** The item's REST path, e.g. `/tasks/<id>`: its DELETE is sent as the page goes. */
  restPath: (id: string) => string;
}

export function useUndoableDelete({ commit, restPath }: Options) {
  const toast = useToast();
  const apiUrl = useApiUrl();
  const hiddenIds = useSyncExternalStore(
    subscribe,
    () => hidden,
    () => NONE,
  );
  const remove = (id: string, message: string) => {
    if (pending.has(id) || gone.has(id)) return;
    // A fresh token now, so one is in memory if the page goes before the delete is sent.
    void getApiToken().catch(() => {});
    const closeToast = toast.withAction(
      message,
      {
        label: "Undo",
        onClick: () => {
          if (take(id)) changed();
        },
      },
      UNDO_MS,
    );
    pending.set(id, {
      timer: setTimeout(() => send(id), UNDO_MS),
      commit: () => commit(id),
      exitUrl: `${apiUrl}/api/v1${restPath(id)}`,
      onError: toast.error,
      closeToast,
    });
    changed();
  };
  return { hidden: hiddenIds, remove };
}
