"use client";
// A delete that can be taken back: the item leaves every list at once, a toast offers
// Undo for a few seconds (standing still while hovered or focused), and only when it
// runs out or is dismissed is the delete sent. Pending deletes belong to
// the tab, not to the view: moving to another page keeps the Undo; signing out,
// switching organization or deleting the account send them first and wait for them
// (beforeLeaving); hiding or leaving the page sends them at once, to the REST API as
// keepalive requests that outlive the page. A delete that fails shows its item again.
import { useSyncExternalStore } from "react";
import { useToast } from "~/components/ui/toast";
import { useApiUrl } from "~/trpc/api-url";
import { beforeApiTokenForgotten, currentApiToken, getApiToken, onLeaving } from "~/trpc/token";

export const UNDO_MS = 6_000;

interface Pending {
  commit: () => Promise<unknown>;
  exitUrl: string;
  onError: (error: unknown) => void;
  closeToast: () => void;
}

const pending = new Map<string, Pending>();
/** Sent, or on their way: hidden (a failed send shows its item again). */
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
  pending.delete(id);
  entry.closeToast();
  return entry;
}

function failed(id: string, entry: Pending, error: unknown) {
  gone.delete(id);
  changed();
  entry.onError(error);
}

function send(id: string): Promise<void> {
  const entry = take(id);
  if (!entry) return Promise.resolve();
  gone.add(id);
  changed();
  return entry.commit().then(
    () => {},
    (error: unknown) => failed(id, entry, error),
  );
}

/** Sends every pending delete now and waits for them. */
function sendAll(): Promise<void> {
  return Promise.all([...pending.keys()].map(send)).then(() => {});
}

/** As the page hides or goes: requests that outlive it, with the token in memory. */
function sendAllOnExit(token: string | null) {
  if (!token) {
    // No token in memory (an idle tab): the API client fetches one, if the page stays.
    void sendAll();
    return;
  }
  for (const id of [...pending.keys()]) {
    const entry = take(id);
    if (!entry) continue;
    gone.add(id);
    fetch(entry.exitUrl, { method: "DELETE", keepalive: true, headers: { authorization: `Bearer ${token}` } })
      .then((response) => {
        if (!response.ok && response.status !== 404) throw new Error(`The delete failed (${response.status})`);
      })
      .catch((error: unknown) => failed(id, entry, error));
  }
  changed();
}

if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => sendAllOnExit(currentApiToken()));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") sendAllOnExit(currentApiToken());
  });
  onLeaving(sendAll);
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
      () => void send(id),
    );
    pending.set(id, {
      commit: () => commit(id),
      exitUrl: `${apiUrl}/api/v1${restPath(id)}`,
      onError: toast.error,
      closeToast,
    });
    changed();
  };
  return { hidden: hiddenIds, remove };
}
