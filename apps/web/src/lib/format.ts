/** A list's total as people read it: "1,234", or "10,000+" past the count's cap. */
export function formatTotal(total: { count: number; exact: boolean } | null | undefined): string | undefined {
  if (!total) return undefined;
  return `${total.count.toLocaleString("en-US")}${total.exact ? "" : "+"}`;
}
