import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";

/**
 * The default headers reach every kind of response both ways the app runs: on node-server (set on
 * Node's response before the handler) and through `app.request` (Hono's prepared headers, added
 * afterwards to a handler's own Response). See security-headers.ts.
 */

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

describe("default headers of every response", () => {
  let t: TestApp;
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp("sqlite");
    // A handler that builds its own Response, as file downloads do.
    t.app.get("/__own-response", () => new Response("tệp", { headers: { "content-type": "text/plain" } }));
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  const ways: [string, () => Fetch][] = [
    ["on node-server", () => (path, init) => fetch(base + path, init)],
    ["through app.request", () => async (path, init) => t.app.request(path, init)],
  ];

  describe.each(ways)("%s", (_way, fetcherOf) => {
    const securityOf = (response: Response) => ({
      csp: response.headers.get("content-security-policy"),
      nosniff: response.headers.get("x-content-type-options"),
      frame: response.headers.get("x-frame-options"),
      referrer: response.headers.get("referrer-policy"),
      corp: response.headers.get("cross-origin-resource-policy"),
    });
    const expected = {
      csp: expect.stringContaining("frame-ancestors 'none'"),
      nosniff: "nosniff",
      // DENY agrees with the CSP's frame-ancestors 'none' (SAMEORIGIN contradicted it).
      frame: "DENY",
      referrer: "strict-origin-when-cross-origin",
      corp: "same-origin",
    };

    it("a page: security headers, no-store, and the page's own content type", async () => {
      const response = await fetcherOf()("/");
      expect(response.status).toBe(200);
      expect(securityOf(response)).toEqual(expected);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("vary")).toBe("Accept-Encoding");
      expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    });

    it("a route's own Cache-Control wins over the default", async () => {
      const response = await fetcherOf()("/robots.txt");
      expect(securityOf(response)).toEqual(expected);
      expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    });

    it("a static file is cached for a day; a missing one is a no-store 404", async () => {
      const css = await fetcherOf()("/static/site.css");
      expect(css.status).toBe(200);
      expect(securityOf(css)).toEqual(expected);
      expect(css.headers.get("cache-control")).toBe("public, max-age=86400");
      const missing = await fetcherOf()("/static/khong-co.css");
      expect(missing.status).toBe(404);
      expect(securityOf(missing)).toEqual(expected);
      expect(missing.headers.get("cache-control")).toBe("no-store");
    });

    it("a handler's own Response gets them too, keeping its content type", async () => {
      const response = await fetcherOf()("/__own-response");
      expect(await response.text()).toBe("tệp");
      expect(securityOf(response)).toEqual(expected);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toBe("text/plain");
    });

    it("compresses for clients that ask, and only for them", async () => {
      const plain = await fetcherOf()("/", { headers: { "accept-encoding": "identity" } });
      expect(plain.headers.get("content-encoding")).toBeNull();
      const gzip = await fetcherOf()("/", { headers: { "accept-encoding": "gzip" } });
      expect(gzip.headers.get("content-encoding")).toBe("gzip");
      expect(securityOf(gzip)).toEqual(expected);
    });
  });
});
