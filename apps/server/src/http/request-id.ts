import { randomUUID } from "node:crypto";

const WELL_FORMED = /^[A-Za-z0-9._-]{1,128}$/;

/** A well-formed incoming X-Request-ID, or a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && WELL_FORMED.test(value) ? value : randomUUID();
}
