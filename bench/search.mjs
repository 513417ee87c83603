// Search latency and index build on 100.000 generated Vietnamese articles, on SQLite and on
// PostgreSQL, each beside the bare engine in the same run: a bare full-text query (the engine's index
// alone, no ranking, no snippets) and a bare index build (the engine tokenising the raw texts itself
// into one full-text index). Uses the built app (dist/): `npm run build` first. BENCH_ARTICLES changes
// the corpus size, BENCH_SEARCH_ROUNDS the rounds, BENCH_ENGINES=sqlite skips PostgreSQL; BENCH_PG_URL
// points at an existing PostgreSQL database instead of starting an embedded one.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { migrateToLatest } from "../dist/app/migrations.js";
import { openDatabase } from "../dist/core/db/database.js";
import { blocksToHtml, DEMO_ARTICLES } from "../dist/portal/articles/articles.demo.js";
import { parseSearchQuery, tsqueryText } from "../dist/portal/search/search.rules.js";
import { searchArticles } from "../dist/portal/search/search.service.js";
import { ftsAllPhrases } from "../dist/portal/search/search-fts.rules.js";
import { rebuildSearchIndex } from "../dist/portal/search/search-index.service.js";
import { htmlToText } from "../dist/portal/search/search-text.rules.js";
import { fmt, random, startPostgres } from "./lib.mjs";
import { buildChain, generateArticle, QUERIES } from "./search-corpus.mjs";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 20);
const NOW = new Date("2026-07-01T00:00:00Z");

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
}

async function time(fn, rounds) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const start = performance.now();
      await fn(q);
      times.push(performance.now() - start);
    }
  }
  return summary(times);
}

export async function fill(database) {
  const db = database.db;
  const at = NOW.toISOString();
  const unit = await db
    .insertInto("units")
    .values({
      name: "Thượng Thanh",
      level: "ward",
      code: null,
      valid_from: "2003-01-01",
      valid_to: null,
      address: null,
      phone: null,
      email: null,
      intro: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const categories = [];
  for (const [i, name] of [
    "Tin tức - Sự kiện",
    "Hoạt động các phường",
    "Chỉ đạo điều hành",
    "Thông báo",
  ].entries()) {
    const row = await db
      .insertInto("categories")
      .values({ slug: `cm-${i}`, name, sort_order: i })
      .returning("id")
      .executeTakeFirstOrThrow();
    categories.push(row.id);
  }
  const chain = buildChain(
    DEMO_ARTICLES.flatMap((a) => [a.title, a.lead ?? "", htmlToText(blocksToHtml(a.blocks))]),
  );
  const rand = random(20200102);
  const started = performance.now();
  for (let from = 0; from < ARTICLES; from += 1000) {
    const rows = [];
    for (let i = from; i < Math.min(ARTICLES, from + 1000); i++) {
      const a = generateArticle(chain, rand, i, NOW);
      rows.push({
        slug: a.slug,
        title: a.title,
        lead: a.lead,
        body_html: a.bodyHtml,
        status: "published",
        published_at: a.publishedAt,
        author_id: null,
        unit_id: unit.id,
        category_id: categories[i % categories.length],
        views: 0,
        created_at: a.publishedAt,
        updated_at: a.publishedAt,
      });
    }
    await db.transaction().execute((trx) => trx.insertInto("articles").values(rows).execute());
  }
  const inserted = performance.now() - started;
  const bareIndexSeconds = await bareIndexBuild(database);
  const indexStart = performance.now();
  await db.transaction().execute((trx) => rebuildSearchIndex(trx));
  return {
    insertSeconds: inserted / 1000,
    indexSeconds: (performance.now() - indexStart) / 1000,
    bareIndexSeconds,
  };
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/**
 * The engine alone building a full-text index of the same articles from their raw text (its own
 * tokeniser, one column, no exact spellings, no pairs), in one transaction that is rolled back: the
 * floor of any index build on that engine.
 */
async function bareIndexBuild(database) {
  const start = performance.now();
  await database.db
    .transaction()
    .execute(async (trx) => {
      if (database.dialect === "sqlite") {
        await sql`CREATE VIRTUAL TABLE bare_search USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')`.execute(
          trx,
        );
        await sql`INSERT INTO bare_search (rowid, body) SELECT id, title || ' ' || coalesce(lead, '') || ' ' || body_html FROM articles`.execute(
          trx,
        );
      } else {
        await sql`CREATE TABLE bare_search AS SELECT id, to_tsvector('simple', title || ' ' || coalesce(lead, '') || ' ' || body_html) AS v FROM articles`.execute(
          trx,
        );
        await sql`CREATE INDEX ON bare_search USING gin (v)`.execute(trx);
      }
      throw new RolledBack();
    })
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return (performance.now() - start) / 1000;
}

class RolledBack extends Error {}

/** The engine's full-text index alone, for the query's folded words: what any search must pay. */
function bareQuery(database, q) {
  const parsed = parseSearchQuery(q);
  const phrases = parsed.terms.map((t) => t.folded);
  if (phrases.length === 0) return Promise.resolve();
  return database.dialect === "sqlite"
    ? sql`SELECT rowid FROM article_search WHERE article_search MATCH ${ftsAllPhrases(phrases)} LIMIT 10`.execute(
        database.db,
      )
    : sql`SELECT article_id FROM search_documents WHERE folded_tsv @@ ${tsqueryText(phrases)}::tsquery LIMIT 10`.execute(
        database.db,
      );
}

async function benchEngine(kind) {
  let dir = null;
  let pg = null;
  let config;
  if (kind === "sqlite") {
    dir = mkdtempSync(path.join(tmpdir(), "giaoban-bench-search-"));
    config = { kind: "sqlite", file: path.join(dir, "bench.sqlite") };
  } else {
    pg = await startPostgres();
    config = { kind: "postgres", url: pg.url };
  }
  const database = await openDatabase(config, { poolSize: 4 });
  try {
    await migrateToLatest(database.db, database.dialect);
    const load = await fill(database);
    if (database.dialect === "postgres") await sql`ANALYZE`.execute(database.db);
    const search = (q) => searchArticles(database.db, { q, page: 1 }, NOW);
    const bare = (q) => bareQuery(database, q);
    // Warm-up: caches and prepared statements in their steady state for both.
    await time(search, 2);
    await time(bare, 2);
    const hits = {};
    const pages = {};
    for (const q of QUERIES)
      for (const page of [1, 3, 40]) {
        const found = await searchArticles(database.db, { q, page }, NOW);
        hits[q] = found.total;
        pages[`${q} p${page}`] = found.items.map((item) => item.id).join(",");
      }
    const loadBefore = loadAverage();
    const result = {
      engine: kind,
      ...load,
      search: await time(search, ROUNDS),
      bare: await time(bare, ROUNDS),
      hits,
      pages,
    };
    return { ...result, load: `${loadBefore} → ${loadAverage()}` };
  } finally {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (pg) await pg.stop();
  }
}

export async function benchSearch() {
  const engines = [];
  const loadAtStart = loadAverage();
  for (const kind of (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(","))
    engines.push(await benchEngine(kind));
  return {
    articles: ARTICLES,
    rounds: ROUNDS,
    queries: QUERIES,
    engines,
    loadAtStart,
    at: new Date().toISOString(),
  };
}

/** Whether every engine returned the same article ids in the same order for each query and page. */
function sameOrder(engines) {
  if (engines.length < 2) return "Only one engine ran: no comparison of ids.";
  const keys = Object.keys(engines[0].pages);
  const differ = keys.filter((k) => engines.some((e) => e.pages[k] !== engines[0].pages[k]));
  return differ.length === 0
    ? `Same article ids in the same order on every engine for all ${keys.length} query × page (1, 3, 40) results.`
    : `**Ids or order differ** for ${differ.length} of ${keys.length} query × page results: ${differ.map((k) => `\`${k}\``).join(", ")}.`;
}

export function reportSearch(r) {
  const ms = (x) => fmt(x, 2);
  // The goals scale with the corpus: 30 s per 100.000 articles.
  const buildGoal = (30 * r.articles) / 100_000;
  const met = (ok) => (ok ? "met" : "not met");
  const lines = [
    `### Search, ${r.articles.toLocaleString("en-US")} generated Vietnamese articles (run of ${r.at}, load average ${r.loadAtStart} at the start)`,
    "",
    `${r.queries.length} queries × ${r.rounds} rounds, one at a time, page 1. "Search" is the whole use case (parse, ranked query, loading the page of 10 articles, highlighted snippets); "bare" is the engine's full-text index alone for the same folded words (LIMIT 10, no ranking, no snippet). "Index" is \`rebuildSearchIndex\` (what \`giaoban search-index\` runs); "bare index" is the engine tokenising the raw texts itself into one full-text index (SQLite FTS5 unicode61; PostgreSQL to_tsvector('simple') and a GIN index), rolled back.`,
    "",
    "| engine | load s | index s | bare index s | search p50 ms | search p95 ms | bare p50 ms | bare p95 ms | load average during the searches |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...r.engines.map(
      (e) =>
        `| ${e.engine} | ${fmt(e.insertSeconds)} | ${fmt(e.indexSeconds)} | ${fmt(e.bareIndexSeconds)} | ${ms(e.search.p50)} | ${ms(e.search.p95)} | ${ms(e.bare.p50)} | ${ms(e.bare.p95)} | ${e.load} |`,
    ),
    "",
    "Matches per query (identical on both engines when the rows agree):",
    "",
    "| query | " + r.engines.map((e) => e.engine).join(" | ") + " |",
    "| --- | " + r.engines.map(() => "---:").join(" | ") + " |",
    ...r.queries.map(
      (q) => `| \`${q}\` | ${r.engines.map((e) => e.hits[q].toLocaleString("en-US")).join(" | ")} |`,
    ),
    "",
    sameOrder(r.engines),
    "",
    `Goals (issue 17): search p95 under 30 ms on each engine; index under ${fmt(buildGoal)} s (30 s per 100.000 articles). ${r.engines
      .map(
        (e) =>
          `${e.engine}: p95 ${ms(e.search.p95)} ms (${met(e.search.p95 < 30)}), index ${fmt(e.indexSeconds)} s (${met(e.indexSeconds < buildGoal)}; ${fmt(e.indexSeconds / e.bareIndexSeconds)}× the bare build)`,
      )
      .join("; ")}.`,
    "",
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(reportSearch(await benchSearch()));
}
