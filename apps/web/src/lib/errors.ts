/**
 * A tRPC client error, recognised by name: importing TRPCClientError would bring
 * @trpc/client's whole entry (it declares no sideEffects: 5.5 kB gzip) into every
 * page, the signed-out ones included, through the toasts in the root layout.
 */
export function isTrpcError(error: unknown): error is Error & { data?: unknown } {
  return error instanceof Error && error.name === "TRPCClientError";
}

/** A message for people, with the request id support can look up. */
export function describeError(error: unknown): { message: string; requestId: string | null } {
  if (isTrpcError(error)) {
    const data = error.data as { requestId?: string | null; zodError?: { formErrors?: string[] } } | undefined;
    return { message: data?.zodError?.formErrors?.[0] ?? error.message, requestId: data?.requestId ?? null };
  }
  if (error instanceof Error) return { message: error.message, requestId: null };
  return { message: "Something went wrong", requestId: null };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
