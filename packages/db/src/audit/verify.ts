// Walks every audit chain and recomputes each hash: the first event that was
// changed, or the gap where one was removed, is named. Chains may start after
// seq 1 (retention deletes the oldest events); a gap inside a chain is tampering.
import type { Db } from "../client";
import { type AuditRow, hashEvent } from "./chain";

export interface ChainProblem {
  chain: string;
  seq: bigint;
  id: string | null;
  problem: "altered" | "missing" | "relinked";
}

const PAGE = 1000;

export async function verifyAuditChains(db: Db): Promise<{ events: number; problems: ChainProblem[] }> {
  const chains = await db.auditEvent.findMany({ distinct: ["chain"], select: { chain: true } });
  const problems: ChainProblem[] = [];
  let events = 0;
  for (const { chain } of chains) {
    let previous: AuditRow | null = null;
    let after = -1n;
    for (;;) {
      const rows = (await db.auditEvent.findMany({
        where: { chain, seq: { gt: after } },
        orderBy: { seq: "asc" },
        take: PAGE,
      })) as unknown as AuditRow[];
      for (const row of rows) {
        events += 1;
        const problem = check(row, previous);
        if (problem) {
          problems.push({
            chain,
            seq: problem === "missing" ? (previous?.seq ?? 0n) + 1n : row.seq,
            // A missing event has no row; the one after the gap is named by its seq.
            id: problem === "missing" ? null : row.id,
            problem,
          });
          break;
        }
        previous = row;
      }
      if (rows.length < PAGE || problems.some((p) => p.chain === chain)) break;
      after = rows[rows.length - 1]?.seq ?? after;
    }
  }
  return { events, problems };
}

function check(row: AuditRow, previous: AuditRow | null): ChainProblem["problem"] | null {
  if (previous && row.seq !== previous.seq + 1n) return "missing";
  if (previous && row.prevHash !== previous.hash) return "relinked";
  const { hash, ...rest } = row;
  return hashEvent(rest) === hash ? null : "altered";
}
