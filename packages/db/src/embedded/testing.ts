// Helpers for the embedded server's tests: a scratch data directory, and a process
// that starts the server and then waits to be killed (a stand-in for `make dev`).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { searchableTempDir } from "@acme/config";

/** A data directory in a fresh temporary folder; `nested` is created by the server, as `.data` is. */
export function scratchDir(): string {
  return join(searchableTempDir("embedded-pg-"), "nested", "data");
}

const holder = fileURLToPath(new URL("./hold-server.ts", import.meta.url));

/** Starts the server in a child process; resolves with that process and the postmaster's pid. */
export function startInChild(dataDir: string, port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", holder, dataDir, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise<{ child: typeof child; postmaster: number; url: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      const { pid, url } = JSON.parse(line) as { pid: number; url: string };
      resolve({ child, postmaster: pid, url });
    });
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

/** Runs the wire-level probe in its own process. */
export function probeInChild(url: string, tag: string, connections: number, seconds: number) {
  const probe = fileURLToPath(new URL("./concurrency-probe.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", probe, url, tag, String(connections), String(seconds)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  return new Promise<{ operations: number; errors: number; wrong: number; firstProblem?: string }>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => {
          child.kill("SIGKILL");
          reject(new Error(`probe ${tag} never finished: a connection got no answer`));
        },
        (seconds + 20) * 1000,
      );
      child.once("exit", () => {
        clearTimeout(timer);
        try {
          resolve(JSON.parse(out));
        } catch {
          reject(new Error(`probe ${tag} printed no result: ${out}`));
        }
      });
    },
  );
}
