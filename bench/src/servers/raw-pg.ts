// The baseline for tasks.list: node:http and a pg pool running the very statement
// the procedure runs (imported from @acme/api), rows turned into the same objects
// with Dates, owner from a header.
import { createServer } from "node:http";
import { PAGE } from "@acme/api/task-list-sql";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

createServer(async (req, res) => {
  const owner = String(req.headers["x-owner"] ?? "");
  const { rows } = await pool.query(PAGE, [owner, 20, 0]);
  const total = Number(rows[0]?.total ?? 0);
  const items = rows.map(({ id, title, description, status, createdAt, updatedAt }) => ({
    id,
    title,
    description,
    status,
    createdAt: new Date(Number(createdAt)),
    updatedAt: new Date(Number(updatedAt)),
  }));
  const body = JSON.stringify({ items, total, page: 1, pageSize: 20, totalPages: Math.ceil(total / 20) });
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");
