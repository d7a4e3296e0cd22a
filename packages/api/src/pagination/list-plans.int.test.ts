// Every list query is an index range scan in the list's order: no Sort of the
// tenant's rows, no sequential scan of the table. Checked for every list the API
// registers (LISTS), with no filter, each filter, each pair of filters, first page
// and after a cursor (the first with its total); then tasks.list again on a
// realistic volume with the planner's own choices (nothing disabled).
import { closeDb, createDb, type Db, poolOf } from "@acme/db";
import { generateScaleData } from "@acme/db/scale";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../root";
import { LISTS, type ListSpec, PLATFORM_SCOPE, PLATFORM_TENANT, pageQuery, type Query } from "./keyset";

/** A value for each filter a list may take; a new filter without one fails here. */
const SAMPLE: Record<string, string> = {
  status: "pending",
  assigneeId: "scale_user_1",
  teamId: "team_1",
  createdFrom: "2026-01-01T00:00:00Z",
  createdTo: "2026-06-01T00:00:00Z",
  q: "seed",
  role: "admin",
  state: "banned",
  verified: "verified",
  kind: "personal",
  actorUserId: "scale_user_1",
  action: "task.deleted",
  targetId: "scale_task_1",
  organizationId: "scale_org_1",
};
const AFTER = ["1767225600000000", "00000000-0000-7000-8000-000000000000"] as const;

function inline({ text, values }: Query): string {
  // Highest first, so $1 does not eat the start of $10.
  return values.reduceRight<string>((sql, value, i) => {
    const literal = typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
    return sql.replaceAll(`$${i + 1}`, literal);
  }, text);
}

interface PlanNode {
  "Node Type": string;
  "Index Cond"?: string;
  "Parent Relationship"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** One pooled connection, for the session settings. */
interface Client {
  query(text: string): Promise<{ rows: { "QUERY PLAN": { Plan: PlanNode }[] }[] }>;
  release(): void;
}

async function plan(client: Client, query: Query): Promise<PlanNode[]> {
  const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${inline(query)}`);
  const top = rows[0]?.["QUERY PLAN"][0]?.Plan;
  if (!top) throw new Error("EXPLAIN returned no plan");
  return nodes(top);
}

/** No filter, each filter, each pair of filters. */
function variants(spec: ListSpec): Record<string, string>[] {
  const names = Object.keys(spec.filters ?? {});
  const value = (name: string) => {
    const sample = SAMPLE[name];
    if (sample === undefined) throw new Error(`list-plans: no sample value for the filter ${spec.name}.${name}`);
    return sample;
  };
  const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => ({ [a]: value(a), [b]: value(b) })));
  return [{}, ...names.map((name) => ({ [name]: value(name) })), ...pairs];
}

const sorts = (steps: PlanNode[]) => steps.filter((step) => step["Node Type"].includes("Sort"));
const seqScans = (steps: PlanNode[]) => steps.filter((step) => step["Node Type"] === "Seq Scan");
/** Platform lists (the admin console) are read as the platform; the others as one organization. */
const tenantOf = (spec: ListSpec) => (spec.tenantColumn === PLATFORM_SCOPE ? PLATFORM_TENANT : "scale_org_1");
const tableOf = (spec: ListSpec) => spec.table.split(/\s/)[0]?.split(".")[1] ?? "";

describe("list query plans", () => {
  let database: TestDatabase;
  let db: Db;
  let client: Client;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    await generateScaleData(database.url, {
      organizations: 40,
      tasks: 60_000,
      largest: 30_000,
      filesPerOrganization: 20,
    });
    db = createDb({ url: database.url, poolSize: 1 });
    client = await poolOf(db).connect();
    await client.query("ANALYZE");
  });
  afterAll(async () => {
    client?.release();
    if (db) await closeDb(db);
    await database?.drop();
  });

  it("registers every list", () => {
    expect(LISTS.map((spec) => spec.name).sort()).toEqual([
      "activity",
      "adminAudit",
      "adminOrganizations",
      "adminOrganizations.name",
      "adminUsers",
      "adminUsers.email",
      "adminUsers.name",
      "adminUsers.oldest",
      "apiKeys",
      "auditLog",
      "files",
      "invitations",
      "members",
      "tasks",
      "teams",
    ]);
  });

  it("reads every list, with every filter and pair of filters, through an index in order", async () => {
    // Nothing cheaper to hide behind: if a plan still sorts or scans the table, no index serves it.
    await client.query("SET enable_seqscan = off");
    await client.query("SET enable_sort = off");
    await client.query("SET enable_bitmapscan = off");
    try {
      for (const spec of LISTS) {
        const table = tableOf(spec);
        for (const filters of variants(spec)) {
          const label = `${spec.name} ${JSON.stringify(filters)}`;
          // The first page with its total, a later page, and the total alone.
          for (const query of [
            pageQuery(spec, tenantOf(spec), filters, null, 20, true),
            pageQuery(spec, tenantOf(spec), filters, AFTER, 20),
          ]) {
            const steps = await plan(client, query);
            expect(sorts(steps), label).toEqual([]);
            // A scanning filter (admin search) may read the table for its total, never for the page.
            const scanning = Object.keys(filters).some((name) => spec.scans?.includes(name));
            const page = steps[0]?.Plans?.find((step) => step["Parent Relationship"] === "Outer");
            expect(seqScans(scanning && page ? nodes(page) : steps), label).toEqual([]);
            const scan = steps.find((step) => step["Relation Name"] === table && step["Node Type"].includes("Index"));
            expect(scan, label).toBeDefined();
            // After a cursor, the position is where the index range starts, not a filter on rows read.
            if (query.values.includes(AFTER[0])) expect(scan?.["Index Cond"], label).toMatch(/ROW\(/);
          }
        }
      }
    } finally {
      await client.query("RESET ALL");
    }
  });

  it("tasks.list on 30,000 tasks of one organization: the planner itself reads the page in index order", async () => {
    const tasks = LISTS.find((spec) => spec.name === "tasks");
    if (!tasks) throw new Error("no tasks list");
    for (const filters of variants(tasks)) {
      for (const query of [
        pageQuery(tasks, "scale_org_1", filters, null, 20, true),
        pageQuery(tasks, "scale_org_1", filters, AFTER, 20),
      ]) {
        const steps = await plan(client, query);
        const shape = steps.map((step) => `${step["Node Type"]} ${step["Index Name"] ?? step["Relation Name"] ?? ""}`);
        const label = `${JSON.stringify(filters)}: ${shape.join(" > ")}`;
        // The page: the rows under the LIMIT come straight from an index of api.tasks.
        const page = steps[0]?.Plans?.find((step) => step["Parent Relationship"] === "Outer");
        expect(page?.["Node Type"], label).toMatch(/^Index (Only )?Scan$/);
        expect(page?.["Relation Name"], label).toBe("tasks");
        if (query.values.includes(AFTER[0])) expect(page?.["Index Cond"], label).toMatch(/ROW\(/);
        // The total (an InitPlan) is a counter lookup or a count bounded by its LIMIT: nothing sorts.
        expect(sorts(steps), label).toEqual([]);
      }
    }
  });
});
