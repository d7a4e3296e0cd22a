// Network helpers for tests and local tools.
import { createServer } from "node:net";

/** A TCP port free on loopback right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Why nothing could listen on host:port right now (e.g. "EADDRINUSE"), or null when it is free. */
export async function listenProblem(port: number, host = "127.0.0.1"): Promise<string | null> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return (await listenProblem(port, host)) === null;
}
