/**
 * The ALTCHA widget's files, served from this site (never from a CDN): the CSP-friendly "external"
 * build (styles in their own file), its Vietnamese strings, and the PBKDF2 worker the widget runs
 * the proof of work in. Read once from the installed `altcha` package and kept in memory.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { NotFoundError } from "../core/http/errors.js";

const FILES: Record<string, { file: string; type: string }> = {
  "altcha.js": { file: "dist/external/altcha.min.js", type: "text/javascript; charset=utf-8" },
  "altcha.css": { file: "dist/external/altcha.css", type: "text/css; charset=utf-8" },
  "vi.js": { file: "dist/i18n/vi.js", type: "text/javascript; charset=utf-8" },
  "pbkdf2-worker.js": { file: "dist/workers/pbkdf2.js", type: "text/javascript; charset=utf-8" },
};

/** The package's folder: its main entry lives two folders down (dist/main/altcha.umd.cjs). */
function packageRoot(): string {
  const main = createRequire(import.meta.url).resolve("altcha");
  return path.resolve(path.dirname(main), "../..");
}

const cache = new Map<string, Promise<Buffer>>();

export function registerAltchaAssets(app: OpenAPIHono<AppEnv>): void {
  app.get("/phan-anh/altcha/:name", async (c) => {
    const entry = FILES[c.req.param("name")];
    if (!entry) throw new NotFoundError();
    const name = c.req.param("name");
    let bytes = cache.get(name);
    if (!bytes) {
      bytes = readFile(path.join(packageRoot(), entry.file));
      cache.set(name, bytes);
    }
    return c.body(new Uint8Array(await bytes), 200, {
      "content-type": entry.type,
      "cache-control": "public, max-age=86400",
    });
  });
}
