import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../support/browser.js";

/**
 * The fast path on the real server with the demo: for every page the routes keep in the cache, what
 * it answers is what the routes answer (a request carrying a session cookie that matches no session
 * is anonymous to the routes but never taken by the fast path: the same page through the framework).
 */
const ARTICLE = "/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";
const PAGES = ["/", ARTICLE, "/chuyen-muc/tin-tuc-su-kien", "/tim-kiem?q=thuong+thanh"];
const CSRF = "c".repeat(43);
/** Per response: the connection's and the clock's, not the page's. */
const VOLATILE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

let server: LiveServer;

beforeAll(async () => {
  server = await startLiveServer({ TRUST_PROXY: "1", PAGE_CACHE_TTL_MS: "600000" });
}, 120_000);
afterAll(() => server?.close());

async function visit(path: string, options: { routed?: boolean; address: string; encoding?: string }) {
  const cookie = options.routed ? `gb_csrf=${CSRF}; gb_session=no-such-session` : `gb_csrf=${CSRF}`;
  const response = await fetch(`${server.url}${path}`, {
    headers: {
      cookie,
      "x-forwarded-for": options.address,
      "accept-encoding": options.encoding ?? "identity",
      "user-agent": "Mozilla/5.0 (giaoban test)",
    },
  });
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!VOLATILE_HEADERS.has(name)) headers.push([name, value]);
  });
  return { status: response.status, headers, body: await response.text() };
}

const viewsOf = (html: string) => html.match(/Lượt xem: ([\d.]+)/)?.[1];

describe("the fast path answers what the routes answer", () => {
  it.each(PAGES)("%s, uncompressed and gzip", async (path) => {
    await visit(path, { routed: true, address: "192.0.2.1" }); // the route renders and keeps it
    const before = server.fastPathServed();
    for (const encoding of ["identity", "gzip, deflate, br"]) {
      const fast = await visit(path, { address: "192.0.2.1", encoding });
      const routed = await visit(path, { routed: true, address: "192.0.2.1", encoding });
      expect(fast.status).toBe(200);
      expect(fast.body).toBe(routed.body);
      // Hono streams compressed bodies without a length; the fast path knows it.
      const comparable = (headers: [string, string][]) =>
        headers.filter(([name]) => encoding === "identity" || name !== "content-length");
      expect(comparable(fast.headers)).toEqual(comparable(routed.headers));
    }
    expect(server.fastPathServed()).toBe(before + 2);
  });

  it("counts a reader's view on the fast path as the route does", async () => {
    const first = await visit(ARTICLE, { routed: true, address: "198.51.100.1" });
    const shown = Number(viewsOf(first.body)?.replace(/\./g, ""));
    const before = server.fastPathServed();
    for (const address of ["198.51.100.2", "198.51.100.3", "198.51.100.3", "198.51.100.4"]) {
      await visit(ARTICLE, { address });
    }
    expect(server.fastPathServed()).toBe(before + 4);
    const after = await visit(ARTICLE, { routed: true, address: "198.51.100.1" });
    // Three new readers (the repeated address counts once); the first reader was already counted.
    expect(Number(viewsOf(after.body)?.replace(/\./g, ""))).toBe(shown + 1 + 3);
  });

  it("gives a new visitor the CSRF cookie the routes give", async () => {
    const response = await fetch(`${server.url}${ARTICLE}`, { headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^gb_csrf=[\w-]{32,}; Path=\/; HttpOnly; SameSite=Lax$/);
    const token = cookie.slice("gb_csrf=".length, cookie.indexOf(";"));
    expect(await response.text()).toContain(`value="${token}"`);
  });
});
