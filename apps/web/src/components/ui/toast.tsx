"use client";
// Toasts for the outcome of an action; errors carry the request id. The same message
// again does not stack a second toast: the one on screen counts it and stays longer.
// A toast can carry one action (Undo), which also closes it; its time stands still
// while the pointer is on it or focus is in it (WCAG 2.2.1), and it says when it ran
// out or was dismissed (onClose), not when the code closed it.
import { createContext, type FocusEvent, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { describeError } from "~/lib/errors";
import { Icon } from "../icons";

interface Toast {
  id: number;
  kind: "success" | "error";
  message: string;
  requestId?: string | null;
  count: number;
  action?: ToastAction;
  ms?: number;
  onClose?: () => void;
}

export interface ToastAction {
  label: string;
  onClick: () => void;
}

interface ToastApi {
  success(message: string): void;
  error(error: unknown): void;
  /**
   * A message with one action, shown for `ms` of time not spent hovered or focused;
   * `onClose` when that runs out or the person dismisses it. Returns what closes it
   * sooner, quietly.
   */
  withAction(message: string, action: ToastAction, ms: number, onClose?: () => void): () => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  // The toasts as last set, read by push and dismiss (never a side effect inside a state updater).
  const shown = useRef<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  // Time left for toasts whose time stands still (hovered, focused), and when the running ones end.
  const left = useRef(new Map<number, number>());
  const endsAt = useRef(new Map<number, number>());
  // Why a toast's time stands still: the pointer on it, focus in it.
  const holds = useRef(new Map<number, Set<"pointer" | "focus">>());
  const show = useCallback((next: Toast[]) => {
    shown.current = next;
    setToasts(next);
  }, []);
  const forget = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    left.current.delete(id);
    endsAt.current.delete(id);
    holds.current.delete(id);
  }, []);
  /** Takes the toast away; `closed` (ran out, or dismissed) tells its owner. */
  const dismiss = useCallback(
    (id: number, closed = false) => {
      const toast = shown.current.find((t) => t.id === id);
      forget(id);
      if (!toast) return; // gone already (closed by its owner as it closed itself)
      show(shown.current.filter((t) => t.id !== id));
      if (closed) toast.onClose?.();
    },
    [forget, show],
  );
  const run = useCallback(
    (id: number, ms: number) => {
      clearTimeout(timers.current.get(id));
      endsAt.current.set(id, Date.now() + ms);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id, true), ms),
      );
    },
    [dismiss],
  );
  const pause = useCallback((id: number) => {
    const end = endsAt.current.get(id);
    if (end === undefined || left.current.has(id)) return;
    clearTimeout(timers.current.get(id));
    left.current.set(id, Math.max(end - Date.now(), 0));
  }, []);
  const resume = useCallback(
    (id: number) => {
      const ms = left.current.get(id);
      if (ms === undefined) return;
      left.current.delete(id);
      // Back from a pause, a moment to read it again at least.
      run(id, Math.max(ms, 2000));
    },
    [run],
  );
  const hold = useCallback(
    (id: number, reason: "pointer" | "focus", on: boolean) => {
      if (!timers.current.has(id)) return; // a blur as a dismissed toast's button goes
      const reasons = holds.current.get(id) ?? new Set();
      if (on) reasons.add(reason);
      else reasons.delete(reason);
      holds.current.set(id, reasons);
      if (reasons.size) pause(id);
      else resume(id);
    },
    [pause, resume],
  );
  const push = useCallback(
    (toast: Omit<Toast, "id" | "count">) => {
      const same = toast.action
        ? undefined
        : shown.current.find((t) => !t.action && t.kind === toast.kind && t.message === toast.message);
      let id: number;
      if (same) {
        id = same.id;
        show(shown.current.map((t) => (t === same ? { ...t, ...toast, count: t.count + 1 } : t)));
      } else {
        id = Date.now() + Math.random();
        const next = [...shown.current, { ...toast, id, count: 1 }];
        // At most four at once; a toast with an action (Undo) stays until its time is up.
        const kept = next.filter((t, i) => t.action || i >= next.length - 4);
        for (const evicted of next) if (!kept.includes(evicted)) forget(evicted.id);
        show(kept);
      }
      forget(id);
      run(id, toast.ms ?? (toast.kind === "error" ? 8000 : 3500));
      return id;
    },
    [forget, run, show],
  );
  const api: ToastApi = {
    success: (message) => void push({ kind: "success", message }),
    error: (error) => void push({ kind: "error", ...describeError(error) }),
    withAction: (message, action, ms, onClose) => {
      const id = push({ kind: "success", message, action, ms, onClose });
      return () => dismiss(id);
    },
  };
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.kind === "error" ? "alert" : "status"}
            data-testid={`toast-${toast.kind}`}
            {...(toast.action && {
              onMouseEnter: () => hold(toast.id, "pointer", true),
              onMouseLeave: () => hold(toast.id, "pointer", false),
              onFocus: () => hold(toast.id, "focus", true),
              onBlur: (event: FocusEvent<HTMLDivElement>) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) hold(toast.id, "focus", false);
              },
            })}
            className={`pointer-events-auto w-full max-w-sm rounded-lg px-4 py-3 text-sm shadow-lg ${
              toast.kind === "error"
                ? "bg-red-600 text-white"
                : "bg-neutral-900 text-white dark:bg-neutral-100 dark:text-neutral-900"
            }`}
          >
            <div className="flex items-start gap-3">
              <p className="flex-1">
                {toast.message}
                {toast.count > 1 && <span className="ml-2 font-medium">×{toast.count}</span>}
              </p>
              {toast.action && (
                <button
                  type="button"
                  onClick={() => {
                    toast.action?.onClick();
                    dismiss(toast.id);
                  }}
                  className="-my-1 rounded px-2 py-1 font-semibold underline underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-current"
                >
                  {toast.action.label}
                </button>
              )}
              <button
                type="button"
                onClick={() => dismiss(toast.id, true)}
                aria-label="Dismiss"
                className="-m-1 rounded p-1 leading-none opacity-90 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-current"
              >
                <Icon name="x" />
              </button>
            </div>
            {toast.requestId && <p className="mt-1 font-mono text-xs">Request {toast.requestId}</p>}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  const context = useContext(ToastContext);
  if (!context) throw new Error("useToast needs a ToastProvider");
  return context;
}
