// The baseline for tasks.list: node:http and a pg pool running the very statement
// the procedure runs for a first page (the keyset page with the counters' total,
// built by @acme/api, prepared once per connection like the API's) and decoding
// rows the same way; organization from a header.
import { createServer } from "node:http";
import { pageQuery } from "@acme/api/keyset";
import { type PageRow, TASKS, taskFromRow } from "@acme/api/task-list-sql";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const LIMIT = 20;

createServer(async (req, res) => {
  const organizationId = String(req.headers["x-owner"] ?? "");
  const page = pageQuery(TASKS, organizationId, {}, null, LIMIT, true);
  // A named statement, as the API's sqlRows prepares it: parsed once per connection.
  const { rows } = await pool.query<PageRow & { _total: string }>({
    name: "tasks_first_page",
    text: page.text,
    values: page.values,
  });
  const items = rows.slice(0, LIMIT).map(taskFromRow);
  const total = { count: Number(rows[0]?._total ?? 0), exact: true };
  const body = JSON.stringify({ items, nextCursor: rows.length > LIMIT ? "next" : null, total });
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");
