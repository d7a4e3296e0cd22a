// The ceiling: node:http answering a fixed JSON body.
import { createServer } from "node:http";

const body = JSON.stringify({ userId: "bench", method: "jwt", scopes: [], requestId: "x" });
createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");
