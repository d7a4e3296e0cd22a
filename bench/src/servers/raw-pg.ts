// The baseline for tasks.list: node:http and a pg pool running the same query the
// procedure runs (a page of 20 with a window count), owner from a header.
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const PAGE = `SELECT id::text, title, description, status::text AS status,
  created_at AS "createdAt", updated_at AS "updatedAt", count(*) OVER () AS total
  FROM api.tasks WHERE owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0`;

createServer(async (req, res) => {
  const owner = String(req.headers["x-owner"] ?? "");
  const { rows } = await pool.query(PAGE, [owner]);
  const total = Number(rows[0]?.total ?? 0);
  const items = rows.map(({ total: _total, ...task }) => task);
  const body = JSON.stringify({ items, total, page: 1, pageSize: 20, totalPages: Math.ceil(total / 20) });
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");
