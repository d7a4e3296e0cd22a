/** A list's total as people read it: "1,234", or "10,000+" past the count's cap. */
export function formatTotal(total: { count: number; exact: boolean } | null | undefined): string | undefined {
  if (!total) return undefined;
  return `${total.count.toLocaleString("en-US")}${total.exact ? "" : "+"}`;
}

/** A day as people read it, e.g. "27 Nov 2026". */
export function formatDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}
