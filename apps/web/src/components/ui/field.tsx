"use client";
import {
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
  useState,
} from "react";

const CONTROL =
  "w-full rounded-md border border-control bg-surface px-3 py-2 text-sm text-fg shadow-sm placeholder:text-neutral-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500 disabled:cursor-not-allowed disabled:border-dashed disabled:bg-neutral-100 disabled:text-neutral-600 dark:disabled:bg-neutral-800 dark:disabled:text-neutral-400";

interface Common {
  label: string;
  error?: string;
  hint?: string;
}

function Wrapper({ id, label, error, hint, children }: Common & { id: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-neutral-800 dark:text-neutral-200">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function Field({ label, error, hint, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  // Passwords can be shown while typed (on a phone, a typo is otherwise invisible).
  const [shown, setShown] = useState(false);
  const password = props.type === "password";
  const input = (
    <input
      id={props.id ?? id}
      aria-invalid={Boolean(error)}
      aria-describedby={describedBy(props.id ?? id, error, hint)}
      className={password ? `${CONTROL} pr-16` : CONTROL}
      {...props}
      type={password && shown ? "text" : props.type}
    />
  );
  return (
    <Wrapper id={props.id ?? id} label={label} error={error} hint={hint}>
      {password ? (
        <div className="relative">
          {input}
          {/* Its name says what it does next ("Show", "Hide"): no aria-pressed on top of that. */}
          <button
            type="button"
            aria-controls={props.id ?? id}
            onClick={() => setShown(!shown)}
            className="absolute inset-y-0 right-0 rounded-r-md px-3 text-xs font-medium text-soft hover:text-neutral-950 focus-visible:outline-2 focus-visible:outline-ring dark:hover:text-white"
          >
            {shown ? "Hide" : "Show"}
          </button>
        </div>
      ) : (
        input
      )}
    </Wrapper>
  );
}

export function TextArea({ label, error, hint, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(id, error, hint)}
        className={CONTROL}
        {...props}
      />
    </Wrapper>
  );
}

export function Select({ label, error, hint, children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} error={error} hint={hint}>
      <select id={id} aria-invalid={Boolean(error)} className={CONTROL} {...props}>
        {children}
      </select>
    </Wrapper>
  );
}

/** A compact select inside a row or toolbar, named by `label` for assistive tech only. */
export function InlineSelect({
  label,
  className = "",
  children,
  ...props
}: { label: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      aria-label={label}
      className={`rounded-md border border-control bg-surface px-2 py-1 text-sm ${className}`}
      {...props}
    >
      {children}
    </select>
  );
}
