// The SQL behind tasks.list, on its own so the benchmark's raw-pg baseline runs
// exactly the same statements (bench/src/servers/raw-pg.ts).

// Timestamps travel as epoch milliseconds (truncated, as Prisma reads them): an
// int8 is cheaper to write for Postgres and to read for pg than timestamptz text.
const COLUMNS = `id::text, title, description, status::text AS status,
  floor(extract(epoch FROM created_at) * 1000)::int8 AS "createdAt",
  floor(extract(epoch FROM updated_at) * 1000)::int8 AS "updatedAt", count(*) OVER () AS total`;
const ORDER = "ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3";
export const PAGE = `SELECT ${COLUMNS} FROM api.tasks WHERE owner_id = $1 ${ORDER}`;
export const PAGE_WITH_STATUS = `SELECT ${COLUMNS} FROM api.tasks
  WHERE owner_id = $1 AND status = $4::api."TaskStatus" ${ORDER}`;
export const COUNT = `SELECT count(*) AS total FROM api.tasks WHERE owner_id = $1`;
export const COUNT_WITH_STATUS = `${COUNT} AND status = $2::api."TaskStatus"`;
