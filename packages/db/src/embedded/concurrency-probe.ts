// A wire-level correctness probe, run as its own process by the embedded server's
// tests: each connection writes rows only it owns, with parameterized queries and
// interactive transactions, and checks every answer against what it wrote.
// Usage: tsx concurrency-probe.ts <url> <tag> <connections> <seconds>
import pg from "pg";

export interface ProbeResult {
  operations: number;
  errors: number;
  wrong: number;
  firstProblem?: string;
}

async function connection(url: string, owner: string, transactional: boolean, until: number): Promise<ProbeResult> {
  const result: ProbeResult = { operations: 0, errors: 0, wrong: 0 };
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  let written = 0;
  const wrong = (what: string) => {
    result.wrong += 1;
    result.firstProblem ??= `${owner}: ${what}`;
  };
  try {
    while (Date.now() < until) {
      const seq = written + 1;
      const value = `${owner}:${seq}:${Math.random().toString(36).slice(2)}`;
      try {
        if (transactional) await client.query("BEGIN");
        const inserted = await client.query<{ owner: string; seq: number; value: string }>(
          "INSERT INTO probe (owner, seq, value) VALUES ($1, $2, $3) RETURNING owner, seq, value",
          [owner, seq, value],
        );
        const row = inserted.rows[0];
        if (inserted.rows.length !== 1 || row?.owner !== owner || row.seq !== seq || row.value !== value) {
          wrong(`insert returned ${JSON.stringify(inserted.rows)}`);
        }
        const count = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM probe WHERE owner = $1", [
          owner,
        ]);
        if (count.rows[0]?.n !== seq) wrong(`count ${JSON.stringify(count.rows)} expected ${seq}`);
        const read = await client.query<{ value: string }>("SELECT value FROM probe WHERE owner = $1 AND seq = $2", [
          owner,
          seq,
        ]);
        if (read.rows.length !== 1 || read.rows[0]?.value !== value) wrong(`read ${JSON.stringify(read.rows)}`);
        if (transactional) await client.query("COMMIT");
        written = seq;
        result.operations += 1;
      } catch (error) {
        result.errors += 1;
        result.firstProblem ??= `${owner}: ${(error as Error).message}`;
        if (transactional) await client.query("ROLLBACK").catch(() => {});
        // The row may or may not exist now; resynchronise from the database.
        const n = await client
          .query<{ n: number }>("SELECT count(*)::int AS n FROM probe WHERE owner = $1", [owner])
          .catch(() => null);
        written = n?.rows[0]?.n ?? written;
      }
    }
  } finally {
    await client.end().catch(() => {});
  }
  return result;
}

/** Run once before the probes start (concurrent CREATE TABLE IF NOT EXISTS races on any Postgres). */
export async function createProbeTable(url: string): Promise<void> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  try {
    await setup.query(
      "CREATE TABLE probe (owner text NOT NULL, seq int NOT NULL, value text NOT NULL, PRIMARY KEY (owner, seq))",
    );
  } finally {
    await setup.end();
  }
}

export async function runProbe(url: string, tag: string, connections: number, seconds: number): Promise<ProbeResult> {
  const until = Date.now() + seconds * 1000;
  const results = await Promise.all(
    Array.from({ length: connections }, (_, i) => connection(url, `${tag}-${i}`, i % 2 === 1, until)),
  );
  return results.reduce<ProbeResult>(
    (sum, r) => ({
      operations: sum.operations + r.operations,
      errors: sum.errors + r.errors,
      wrong: sum.wrong + r.wrong,
      firstProblem: sum.firstProblem ?? r.firstProblem,
    }),
    { operations: 0, errors: 0, wrong: 0 },
  );
}

if (process.argv[1]?.endsWith("concurrency-probe.ts")) {
  const [url, tag, connections, seconds] = process.argv.slice(2);
  if (!url || !tag) throw new Error("usage: concurrency-probe.ts <url> <tag> <connections> <seconds>");
  const result = await runProbe(url, tag, Number(connections ?? 4), Number(seconds ?? 3));
  console.log(JSON.stringify(result));
}
