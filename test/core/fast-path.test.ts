import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { acceptsGzip, createFastPath } from "../../src/core/http/fast-path.js";
import { compileTemplate, hole, PageCache, type PageVisit } from "../../src/core/http/page-cache.js";

/**
 * The fast path on a real node:http server: what it answers itself, and what it passes on (the
 * server then answers 599, so a pass is visible). The routes' side is in fast-path-live.test.ts.
 */
const PASSED_ON = 599;
const SESSION = "gb_session";
let server: Server | null = null;

afterEach(async () => {
  server?.close();
  server = null;
});

async function start(pageCache: PageCache) {
  const fastPath = createFastPath({
    pageCache,
    headers: [
      ["X-Frame-Options", "DENY"],
      ["Cache-Control", "no-store"],
    ],
    trustProxyHops: 1,
    mayBeSignedIn: (cookie) => Boolean(cookie?.includes(`${SESSION}=`)),
    csrfForVisit: (cookie) =>
      cookie?.includes("gb_csrf=")
        ? { token: cookie.split("gb_csrf=")[1] as string, setCookie: null }
        : { token: "NEWTOKEN", setCookie: "gb_csrf=NEWTOKEN; Path=/; HttpOnly; SameSite=Lax" },
  });
  server = createServer((req, res) => {
    if (fastPath(req, res)) return;
    res.statusCode = PASSED_ON;
    res.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function cacheWith(entries: Record<string, Parameters<PageCache["set"]>[1]>): PageCache {
  const cache = new PageCache({ maxEntries: 10, ttlMs: 60_000 });
  for (const [key, entry] of Object.entries(entries)) cache.set(key, entry);
  return cache;
}

const plain = { template: compileTemplate("<p>Tin mới nhất</p>"), facts: null };

describe("the cached-page fast path", () => {
  it("answers a cached anonymous GET with the page and the default headers", async () => {
    const base = await start(cacheWith({ "/": plain }));
    const response = await fetch(`${base}/`, { headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<p>Tin mới nhất</p>");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength("<p>Tin mới nhất</p>")));
  });

  it("keys pages by path and query exactly as sent", async () => {
    const base = await start(cacheWith({ "/tim-kiem?q=thuong+thanh": plain }));
    expect((await fetch(`${base}/tim-kiem?q=thuong+thanh`)).status).toBe(200);
    expect((await fetch(`${base}/tim-kiem?q=thuong`)).status).toBe(PASSED_ON);
    expect((await fetch(`${base}/tim-kiem`)).status).toBe(PASSED_ON);
  });

  it("passes on whatever it cannot answer as the routes would", async () => {
    const base = await start(cacheWith({ "/": plain, "/ph%C6%B0": plain }));
    const cases: [string, RequestInit, string?][] = [
      ["a possible session", { headers: { cookie: `${SESSION}=abc` } }],
      ["a bearer token", { headers: { authorization: "Bearer x" } }],
      ["HEAD", { method: "HEAD" }],
      ["POST", { method: "POST", body: "x" }],
      ["an escaped path", {}, "/ph%C6%B0"],
      ["a miss", {}, "/khong-co"],
    ];
    for (const [name, init, path = "/"] of cases) {
      expect((await fetch(`${base}${path}`, init)).status, name).toBe(PASSED_ON);
    }
  });

  it("fills the CSRF hole with the visitor's token, or gives a new one with its cookie", async () => {
    const page = { template: compileTemplate(`<input name="_csrf" value="${hole("csrf")}">`), facts: null };
    const base = await start(cacheWith({ "/": page }));
    const known = await fetch(`${base}/`, { headers: { cookie: "gb_csrf=MINE" } });
    expect(await known.text()).toBe('<input name="_csrf" value="MINE">');
    expect(known.headers.get("set-cookie")).toBeNull();
    const fresh = await fetch(`${base}/`);
    expect(await fresh.text()).toBe('<input name="_csrf" value="NEWTOKEN">');
    expect(fresh.headers.get("set-cookie")).toBe("gb_csrf=NEWTOKEN; Path=/; HttpOnly; SameSite=Lax");
  });

  it("lets the page fill its own holes from the visit, or send the visit to its route", async () => {
    const visits: PageVisit[] = [];
    const counted = {
      template: compileTemplate(`<p>Lượt xem: ${hole("views")}</p>`),
      facts: null,
      onVisit: (visit: PageVisit) => {
        visits.push(visit);
        return visit.clientIp === "203.0.113.9" ? null : { views: String(visits.length) };
      },
    };
    const holeWithoutFiller = { template: compileTemplate(`<p>${hole("views")}</p>`), facts: null };
    const base = await start(cacheWith({ "/a": counted, "/b": holeWithoutFiller }));
    const first = await fetch(`${base}/a`, {
      headers: { "x-forwarded-for": "198.51.100.7", "user-agent": "UA" },
    });
    expect(await first.text()).toBe("<p>Lượt xem: 1</p>");
    expect(visits[0]).toEqual({ clientIp: "198.51.100.7", userAgent: "UA" });
    expect((await fetch(`${base}/a`, { headers: { "x-forwarded-for": "203.0.113.9" } })).status).toBe(
      PASSED_ON,
    );
    expect((await fetch(`${base}/b`)).status).toBe(PASSED_ON);
  });

  it("compresses a page of 1 KB or more for clients that take gzip, and keeps the bytes while they hold", async () => {
    const text = `<p>${"Phường Thượng Thanh. ".repeat(100)}</p>`;
    const base = await start(cacheWith({ "/": { template: compileTemplate(text), facts: null } }));
    const raw = async (encoding: string) => {
      const { request } = await import("node:http");
      return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const req = request(`${base}/`, { headers: { "accept-encoding": encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end();
      });
    };
    const zipped = await raw("gzip, deflate, br");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(text);
    expect(zipped.headers["content-length"]).toBe(String(zipped.body.length));
    const again = await raw("gzip");
    expect(again.body.equals(zipped.body)).toBe(true);
    const refused = await raw("gzip;q=0, br");
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.toString("utf8")).toBe(text);
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["GZIP", true],
    ["gzip;q=0", false],
    ["gzip; q=0.0", false],
    ["br", false],
    ["identity", false],
    [undefined, false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
