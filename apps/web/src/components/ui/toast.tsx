"use client";
// Toasts for the outcome of an action; errors carry the request id.
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { describeError } from "~/lib/errors";

interface Toast {
  id: number;
  kind: "success" | "error";
  message: string;
  requestId?: string | null;
}

const ToastContext = createContext<{ success(message: string): void; error(error: unknown): void } | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((toast: Omit<Toast, "id">) => {
    const id = Date.now() + Math.random();
    setToasts((current) => [...current.slice(-3), { ...toast, id }]);
    setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), toast.kind === "error" ? 8000 : 3500);
  }, []);
  const api = {
    success: (message: string) => push({ kind: "success", message }),
    error: (error: unknown) => push({ kind: "error", ...describeError(error) }),
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
            className={`pointer-events-auto w-full max-w-sm rounded-lg px-4 py-3 text-sm shadow-lg ${
              toast.kind === "error"
                ? "bg-red-600 text-white"
                : "bg-neutral-900 text-white dark:bg-neutral-100 dark:text-neutral-900"
            }`}
          >
            <p>{toast.message}</p>
            {toast.requestId && <p className="mt-1 font-mono text-xs opacity-80">Request {toast.requestId}</p>}
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
