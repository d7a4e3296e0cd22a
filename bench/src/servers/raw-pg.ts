// The baseline for tasks.list: node:http and a pg pool running the very statement
// the procedure runs and decoding rows the same way (both from @acme/api), owner
// from a header.
import { createServer } from "node:http";
import { PAGE, type PageRow, taskFromRow } from "@acme/api/task-list-sql";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

createServer(async (req, res) => {
  const owner = String(req.headers["x-owner"] ?? "");
  const { rows } = await pool.query<PageRow>(PAGE, [owner, 20, 0]);
  const total = Number(rows[0]?.total ?? 0);
  const items = rows.map(taskFromRow);
  const body = JSON.stringify({ items, total, page: 1, pageSize: 20, totalPages: Math.ceil(total / 20) });
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");
