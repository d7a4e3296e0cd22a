"use client";
// CSV downloads: the API streams them over REST (tRPC answers JSON only), so the
// browser fetches the file with the same in-memory JWT and saves it.
import { getApiToken } from "./token";

/** Fetches `path` under /api/v1 with the filters as query parameters and saves it as `filename`. */
export async function downloadCsv(
  apiUrl: string,
  path: string,
  filters: Record<string, string | undefined>,
  filename: string,
): Promise<void> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  const response = await fetch(`${apiUrl}/api/v1${path}?${query}`, {
    headers: { authorization: `Bearer ${await getApiToken()}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The download failed (${response.status})`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
