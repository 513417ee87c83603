// Baseline: a bare node:http server that returns, for each path, the same bytes the app returns for
// it (PAGES_FILE: a JSON object { "/path?query": "<html…>" }), as ../shared/tools/bare.mjs does for one.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const pages = new Map(
  Object.entries(JSON.parse(readFileSync(process.env.PAGES_FILE, "utf8"))).map(([p, html]) => [
    p,
    Buffer.from(html, "utf8"),
  ]),
);
const port = Number(process.env.PORT);
createServer((req, res) => {
  const body = pages.get(req.url);
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=UTF-8", "content-length": body.length });
  res.end(body);
}).listen(port, "127.0.0.1");
