"use client";
// A modal on the native <dialog>: focus is trapped and Escape closes it. It opens with
// focus on its first field (or its first button), not on the close button.
import { type ReactNode, useEffect, useId, useRef } from "react";
import { Icon } from "../icons";

export function Dialog({
  open,
  onClose,
  title,
  wide = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  /** For documents (a PDF preview): most of the screen's width. */
  wide?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Several dialogs can share a page: each is labelled by its own title.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const body = dialog.querySelector<HTMLElement>("[data-dialog-body]");
      const first =
        body?.querySelector<HTMLElement>(
          "[autofocus], input:not([type=hidden]):not([disabled]):not([readonly]), select, textarea",
        ) ?? body?.querySelector<HTMLElement>("button:not([disabled]), a[href], input");
      first?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className={`m-auto ${wide ? "w-[min(64rem,calc(100vw-2rem))]" : "w-[min(32rem,calc(100vw-2rem))]"} rounded-xl border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/40`}
    >
      {open && (
        <div className="p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="rounded p-1 text-muted hover:bg-subtle"
            >
              <Icon name="x" />
            </button>
          </div>
          <div data-dialog-body>{children}</div>
        </div>
      )}
    </dialog>
  );
}
