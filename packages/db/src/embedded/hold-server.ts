// Test helper process: starts the embedded server, prints its pid and URL, and waits to be killed.
import { startEmbeddedPostgres } from "./postgres-server";

const [dataDir, port] = process.argv.slice(2);
const pg = await startEmbeddedPostgres({ dataDir: dataDir ?? "", port: Number(port) });
console.log(JSON.stringify({ pid: pg.pid, url: pg.url }));
process.on("SIGTERM", () => void pg.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
