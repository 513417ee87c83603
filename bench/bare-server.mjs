// Baseline: a bare node:http server that returns the same bytes the app returns for the article page.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = readFileSync(process.env.BODY_FILE);
const port = Number(process.env.PORT);
createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=UTF-8", "content-length": body.length });
  res.end(body);
}).listen(port, "127.0.0.1");
