/** False when a percent-encoding in the URL is malformed (`%ZZ`) or not UTF-8 (`%FF`). */
export function wellEncoded(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}
