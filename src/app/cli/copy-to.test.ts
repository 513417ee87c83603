import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../test/support/app.js";
import { createPostgresDatabase, createTestDatabase } from "../../../test/support/databases.js";
import { TestClient } from "../../../test/support/http.js";
import { DEMO_PASSWORD } from "../../accounts/accounts.demo.js";
import { type Database, openDatabase } from "../../core/db/database.js";
import { loadDemoIfEmpty } from "../../demo/demo-loader.js";
import { buildAppContext } from "../context.js";
import { createApp } from "../create-app.js";
import { compareTables } from "./copy-check.js";
import { type CopyReport, copyToPostgres } from "./copy-to.js";

/**
 * `giaoban copy-to`: the demo, loaded into SQLite, copied into an empty PostgreSQL, must check out
 * table by table, and the app on the copy must answer every page and API path the same as the app on
 * the original, to an anonymous reader and to a signed-in officer.
 */

const NOW = new Date("2026-12-07T03:00:00Z");
/** The most pages a crawl follows per visitor: enough to reach every kind of page of the demo. */
const CRAWL_LIMIT = 160;

type App = ReturnType<typeof createApp>;

function appOn(database: Database, dataDir: string): App {
  const ctx = buildAppContext({
    config: testConfig({ dataDir }),
    database,
    logger: pino({ level: "silent" }),
    now: () => NOW,
    pageCacheEntries: 100,
  });
  return createApp(ctx);
}

/** What differs between two renders of the same page on purpose: tokens, nonces, drawing ids. */
function normalise(body: string): string {
  return (
    body
      .replace(/(name="_csrf" value=")[^"]*"/g, '$1…"')
      .replace(/(<meta name="csrf-token" content=")[^"]*"/g, '$1…"')
      .replace(/(nonce=")[^"]*"/g, '$1…"')
      .replace(/("csrfToken":")[^"]*"/g, '$1…"')
      // ECharts numbers the clip paths of its SVG drawings with a counter of the process.
      .replace(/\bzr\d+-/g, "zr…-")
  );
}

/** Same-site links of a page worth following (no sign-out, no downloads of generated files). */
function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/href="(\/[^"#]*)"/g)) {
    const href = (match[1] as string).replace(/&amp;/g, "&");
    if (
      /^\/(static|media)\//.test(href) ||
      /dang-xuat|\.(xlsx|docx|ics|jpg|png|webp)(\?|$)|\/report\b/.test(href) ||
      // The feedback form asks a new signed question on every visit (its no-JS check), by design.
      href.startsWith("/phan-anh/gui")
    )
      continue;
    out.push(href);
  }
  return out;
}

interface Visit {
  path: string;
  status: number;
  type: string;
  body: string;
}

/** Crawls from `starts` on the original, breadth first, then asks the copy the same paths in the same order. */
async function crawlBoth(
  original: TestClient,
  copy: TestClient,
  starts: string[],
): Promise<{ original: Visit[]; copy: Visit[] }> {
  const queue = [...starts];
  const seen = new Set(queue);
  const visits = { original: [] as Visit[], copy: [] as Visit[] };
  while (queue.length > 0 && visits.original.length < CRAWL_LIMIT) {
    const path = queue.shift() as string;
    for (const [side, client] of [
      ["original", original],
      ["copy", copy],
    ] as const) {
      const response = await client.request(path);
      const type = response.headers.get("content-type") ?? "";
      const text = /html|json|xml|text/.test(type)
        ? await response.text()
        : `${(await response.arrayBuffer()).byteLength} bytes`;
      visits[side].push({ path, status: response.status, type, body: normalise(text) });
      if (side === "original" && type.includes("html"))
        for (const link of linksOf(text))
          if (!seen.has(link)) {
            seen.add(link);
            queue.push(link);
          }
    }
  }
  return visits;
}

describe("copy-to: an SQLite installation into an empty PostgreSQL", () => {
  let sqlite: Database;
  let postgres: Database;
  let targetUrl: string;
  let report: CopyReport;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-copy-"));
    sqlite = await createTestDatabase("sqlite");
    if (!(await loadDemoIfEmpty(sqlite, NOW, path.join(dataDir, "media"))))
      throw new Error("the demo did not load");
    targetUrl = await createPostgresDatabase();
    report = await copyToPostgres({ source: sqlite, targetUrl });
    postgres = await openDatabase({ kind: "postgres", url: targetUrl }, { poolSize: 4 });
  }, 600_000);

  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  it("copies every table with the same rows, checked by count and checksum", async () => {
    expect(report.tables.length).toBeGreaterThan(30);
    expect(report.tables.filter((t) => !t.same)).toEqual([]);
    const articles = report.tables.find((t) => t.table === "articles");
    expect(articles?.postgresRows).toBeGreaterThan(0);
    expect(report.searchDocuments).toBeGreaterThan(0);
    // Ids kept, and new rows get fresh ones.
    const top = await postgres.db
      .selectFrom("units")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    const added = await postgres.db
      .insertInto("categories")
      .values({ slug: "moi", name: "Mới", sort_order: 99 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const categories = report.tables.find((t) => t.table === "categories");
    expect(added.id).toBeGreaterThan(categories?.postgresRows ?? 0);
    expect(Number(top.id)).toBeGreaterThan(0);
    await postgres.db.deleteFrom("categories").where("id", "=", added.id).execute();
  });

  it("refuses a target that holds rows", async () => {
    await expect(copyToPostgres({ source: sqlite, targetUrl })).rejects.toThrow(/not empty/);
  });

  it("answers every page and API path the same on the copy, anonymous and signed in", async () => {
    const original = appOn(sqlite, dataDir);
    const copy = appOn(postgres, dataDir);
    const fake = (app: App) => ({ app }) as unknown as ConstructorParameters<typeof TestClient>[0];
    const api = (await (await original.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    // A proof-of-work challenge is new on every call by design: nothing of the database is in it.
    const UNREPEATABLE = new Set(["/api/v1/feedback-challenge"]);
    const apiPaths = Object.entries(api.paths)
      .filter(([p, ops]) => ops.get && !p.includes("{") && !UNREPEATABLE.has(p))
      .map(([p]) => p);

    const anonymous = await crawlBoth(new TestClient(fake(original)), new TestClient(fake(copy)), [
      "/",
      "/tim-kiem?q=thuong+thanh",
      ...apiPaths,
    ]);
    const a = new TestClient(fake(original));
    const b = new TestClient(fake(copy));
    await a.logIn("vanphong.longbien", DEMO_PASSWORD);
    await b.logIn("vanphong.longbien", DEMO_PASSWORD);
    const signedIn = await crawlBoth(a, b, ["/quan-tri", ...apiPaths]);

    for (const visits of [anonymous, signedIn]) {
      expect(visits.original.length).toBeGreaterThan(40);
      expect(visits.original.filter((v) => v.status === 200).length).toBeGreaterThan(30);
      for (const [i, visit] of visits.original.entries()) expect(visits.copy[i], visit.path).toEqual(visit);
    }
  }, 600_000);

  it("the check notices a row that differs", async () => {
    const silent = { start() {}, update() {}, stop() {} };
    const differing = async () =>
      (await compareTables(sqlite, postgres, silent)).filter((t) => !t.same).map((t) => t.table);
    // Signing in above wrote each side's own session: those differ already, and nothing else.
    const before = await differing();
    expect(before.filter((t) => t !== "sessions" && t !== "login_attempts")).toEqual([]);
    const article = await postgres.db
      .selectFrom("articles")
      .select(["id", "title"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await postgres.db
      .updateTable("articles")
      .set({ title: `${article.title}.` })
      .where("id", "=", article.id)
      .execute();
    try {
      expect(await differing()).toEqual(["articles", ...before].sort());
    } finally {
      await postgres.db
        .updateTable("articles")
        .set({ title: article.title })
        .where("id", "=", article.id)
        .execute();
    }
  });
});
