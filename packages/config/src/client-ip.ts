// The client's address behind reverse proxies. Only proxies named in a trusted list
// (addresses or CIDRs) may speak for the client: the client IP is the rightmost
// X-Forwarded-For entry that is not a trusted proxy, so an entry the caller wrote
// itself (the leftmost ones) never picks the address.
import { BlockList, isIP } from "node:net";
import { z } from "zod";

export type TrustedProxies = BlockList | null;

const V4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

function normalize(address: string): string {
  return V4_MAPPED.exec(address)?.[1] ?? address;
}

function familyOf(address: string): "ipv4" | "ipv6" | null {
  const version = isIP(address);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/** Why an entry is not an address or CIDR, or null when it is one. */
export function proxyEntryProblem(entry: string): string | null {
  const [address = "", prefix, extra] = entry.split("/");
  const family = familyOf(address);
  if (!family || extra !== undefined) return `"${entry}" is not an IP address or CIDR`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const max = family === "ipv4" ? 32 : 128;
  return /^\d+$/.test(prefix) && bits <= max ? null : `"${entry}" has a prefix outside 0-${max}`;
}

/** A BlockList of the trusted proxies, or null when there are none. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = familyOf(address) ?? "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = familyOf(address);
  return family !== null && list.check(address, family);
}

/**
 * The client IP: the socket's peer, unless that peer is a trusted proxy; then the
 * rightmost X-Forwarded-For entry that is not a trusted proxy (the leftmost when
 * every entry is trusted). Malformed entries stop the walk: they are the caller's.
 */
export function clientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  const peer = normalize(remoteAddress ?? "unknown");
  if (!trusted || forwardedFor === undefined || !isTrusted(trusted, peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => normalize(hop.trim()))
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (familyOf(hop) === null) return client;
    client = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return client;
}

/** TRUST_PROXY-style variables: a comma-separated list of proxy addresses or CIDRs, validated. */
export const proxyListField = () =>
  z
    .string()
    .transform((value, ctx) => {
      if (/^(true|1|yes)$/i.test(value.trim())) {
        ctx.addIssue({
          code: "custom",
          message: "must list the proxies' addresses or CIDRs (e.g. 10.0.0.0/8,127.0.0.1), not true",
        });
        return z.NEVER;
      }
      if (/^(false|0|no)$/i.test(value.trim())) return [];
      const entries = value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
      for (const entry of entries) {
        const problem = proxyEntryProblem(entry);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
      return entries;
    })
    .default([]);
