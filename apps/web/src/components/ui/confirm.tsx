"use client";
// A confirmation in the product's own dialog instead of the browser's confirm():
// `const confirm = useConfirm(); if (!(await confirm({ ... }))) return;`. It says what
// happens, offers Cancel (focused first: Enter does not destroy anything), and names
// the action on its button.
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  /** The button's label, e.g. "Delete task". */
  action: string;
  /** A destructive action (red button); true unless said otherwise. */
  danger?: boolean;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<(ConfirmOptions & { answer: (yes: boolean) => void }) | null>(null);
  const confirm = useCallback<Confirm>(
    (options) =>
      new Promise<boolean>((resolve) =>
        setOpen((previous) => {
          // One question at a time: one still open is answered "no" (its caller stops waiting).
          previous?.answer(false);
          return { ...options, answer: resolve };
        }),
      ),
    [],
  );
  const close = (yes: boolean) => {
    open?.answer(yes);
    setOpen(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog open={open !== null} onClose={() => close(false)} title={open?.title ?? ""}>
        {open?.body && <div className="mb-4 text-sm text-soft">{open.body}</div>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => close(false)}>
            Cancel
          </Button>
          <Button variant={open?.danger === false ? "primary" : "danger"} onClick={() => close(true)}>
            {open?.action}
          </Button>
        </div>
      </Dialog>
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error("useConfirm needs a ConfirmProvider");
  return confirm;
}
