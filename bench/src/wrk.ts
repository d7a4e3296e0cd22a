// Runs wrk against a URL and reads its summary (requests/s, p50, p99).
import { spawn } from "node:child_process";

export interface WrkResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

function ms(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return Number.NaN;
  const n = Number(match[1]);
  return match[2] === "us" ? n / 1000 : match[2] === "s" ? n * 1000 : n;
}

export interface WrkOptions {
  /** Open connections; 64 unless given. */
  connections?: number;
  /** A wrk Lua script (file path): POST bodies, request mixes. */
  script?: string;
}

/** Asynchronous, so servers living in this process (the auth server's JWKS) keep answering. */
export async function wrk(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  options: WrkOptions = {},
): Promise<WrkResult> {
  const args = ["-t1", `-c${options.connections ?? 64}`, `-d${seconds}s`, "--latency"];
  if (options.script) args.push("-s", options.script);
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  const child = spawn("wrk", [...args, url]);
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`wrk failed: ${out}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = /^\s*50%\s+(\S+)/m.exec(out)?.[1] ?? "";
  const p99 = /^\s*99%\s+(\S+)/m.exec(out)?.[1] ?? "";
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { rps, p50ms: ms(p50), p99ms: ms(p99), errors };
}
