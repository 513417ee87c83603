import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { type ParsedQuery, tsqueryText, tsqueryWordsText } from "./search.rules.js";
import {
  keyBounds,
  type RankFlag,
  type SearchFilters,
  type Tier,
  type TierQueries,
} from "./search-engines.js";
import { articleIdOfKey } from "./search-text.rules.js";

/**
 * The ranking's questions on PostgreSQL, asked so that the planner has no choice to get wrong.
 *
 * What makes them slow when left to the planner (BENCHMARKS.md, issue 17): a GIN index knows which
 * rows hold a lexeme but not where, so every phrase or title test was a second look at the row's
 * whole tsvector (read from TOAST and decompressed), and with a LIMIT the planner either walked the
 * rank index testing rows one by one (a full scan when the tier is empty) or read every match and
 * sorted it (50.000 rows for a common word). Three things remove both:
 *
 * - The index answers more alone. Two-syllable phrases are pair lexemes of the tsvectors
 *   (`tsqueryText`) and the title has its own column and GIN index (`title_tsv`): counting a tier that
 *   excludes nothing (the total, "does any match have the reader's spelling / the words in the
 *   title?") reads the GIN bitmaps and no row's text (the rank bounds are written `+ 0` so that no
 *   other index can be chosen). Only phrases of three syllables or more read rows again, and the
 *   reader's own spelling: the accent-exact column has no pairs (they were a third of the index
 *   build), so its phrases are checked on the rows that the folded pairs and the exact words leave.
 * - Bounded windows, newest first. The ordered tiers are read in windows of rank keys: the newest
 *   128 rows, the next 1.024, the next 8.192, then the rest; reading stops once the page is full. A
 *   common word costs a window of 128 rows; a rare one the rest of the index, where it has few rows.
 *   Inside a window the planner reads the window's rows by the rank index and tests each, the title
 *   first (small, inline), the TOASTed columns after: that decompression is the cost that remains.
 * - An explicit plan: a search's transactions (the page, and the total beside it: search.repo.ts)
 *   run with sequential and plain index scans disabled (bitmap scans only), except the walk down the rank index that finds a window's bound. (Leaving
 *   that walk to an index-only scan, without the two settings round trips, gave a bench median of
 *   116 ms against 33 ms at the same load, on a table not vacuumed since its rebuild; not kept.)
 */

/** Rows in each window but the last, newest first: the newest 128, then 1.024 and 8.192 more, then the rest. */
const WINDOW_ROWS = [128, 1024, 8192];
/** Windows read row by row whatever the planner thinks: the newest 128 and the 1.024 after them. */
const SMALL_WINDOWS = 2;

type Column = "folded_tsv" | "exact_tsv" | "title_tsv";

/** The order a row's tests are written in: the title is small and inline, the others are TOASTed. */
const COLUMN_COST: Record<Column, number> = { title_tsv: 0, folded_tsv: 1, exact_tsv: 2 };

interface Test {
  column: Column;
  query: string;
  /**
   * A test every row passing this one also passes, asked beside it where an index answers (never
   * row by row): it narrows the candidates the server must check again, and changes no result.
   */
  aid?: Test;
}

/** A half-open range of rank keys, `lo` null for "down to the oldest". */
interface Window {
  hi: number;
  lo: number | null;
}

/**
 * Runs `work` (a whole search) in one transaction where the planner may use bitmap scans only, with
 * room to sort a window; inside a caller's transaction, restores the settings after.
 */
export async function withBitmapPlans<T>(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const force = (trx: Kysely<DB>) =>
    sql`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
               set_config('enable_indexonlyscan', 'on', true), set_config('work_mem', '32MB', true)`.execute(
      trx,
    );
  if (!db.isTransaction)
    return db.transaction().execute(async (trx) => {
      await force(trx);
      return work(trx);
    });
  const { rows } = await sql<{ s: string; i: string; o: string; w: string }>`
    SELECT current_setting('enable_seqscan') AS s, current_setting('enable_indexscan') AS i,
           current_setting('enable_indexonlyscan') AS o, current_setting('work_mem') AS w`.execute(db);
  const before = rows[0];
  await force(db);
  try {
    return await work(db);
  } finally {
    if (before)
      await sql`SELECT set_config('enable_seqscan', ${before.s}, true), set_config('enable_indexscan', ${before.i}, true),
                       set_config('enable_indexonlyscan', ${before.o}, true), set_config('work_mem', ${before.w}, true)`.execute(
        db,
      );
  }
}

/** The tier questions of one search; run them inside `withBitmapPlans`. */
export function postgresTierQueries(
  db: Kysely<DB>,
  parsed: ParsedQuery,
  filters: SearchFilters,
): TierQueries {
  const base = tsqueryText(parsed.terms.map((t) => t.folded));
  const boost = parsed.boosts.length > 0 ? tsqueryText(parsed.boosts.map((t) => t.folded)) : null;
  // Each flag as an index test. Every exact or title match is a match of the folded terms: the
  // exact words' positions fold to the same positions, so the folded pairs of the phrases narrow
  // the exact test (without a phrase the exact words alone are answered by their index exactly).
  const phrases = parsed.terms.filter((t) => t.folded.length > 1);
  const flagTests: Record<RankFlag, Test> = {
    boost: { column: "folded_tsv", query: boost ?? base },
    exact: {
      column: "exact_tsv",
      query: tsqueryWordsText(parsed.terms.map((t) => t.exact)),
      ...(phrases.length > 0 && {
        aid: { column: "folded_tsv", query: tsqueryText(phrases.map((t) => t.folded)) },
      }),
    },
    title: { column: "title_tsv", query: base },
  };
  const { below, atLeast } = keyBounds(filters);
  const filterParts: RawBuilder<unknown>[] = [];
  if (filters.categoryId != null) filterParts.push(sql`d.category_id = ${filters.categoryId}`);
  if (filters.unitId != null) filterParts.push(sql`d.unit_id = ${filters.unitId}`);

  const indexTestSql = (test: Test): RawBuilder<unknown> => {
    const own = sql`${sql.ref(`d.${test.column}`)} @@ ${test.query}::tsquery`;
    return test.aid ? sql`${indexTestSql(test.aid)} AND ${own}` : own;
  };
  /**
   * The same test as a function call, which no index can answer: in a small window the rows are
   * read by the rank index and tested one by one. Written as the operator, a test with a phrase let
   * the planner pick the GIN bitmap of the whole table and recheck every row of it (210 ms instead of
   * 2 ms for "phong chay chua chay").
   */
  const rowTestSql = (test: Test) => sql`ts_match_vq(${sql.ref(`d.${test.column}`)}, ${test.query}::tsquery)`;
  const windowSql = (alias: "d" | "x", w: Window) => {
    const key = sql.ref(`${alias}.rank_key`);
    return w.lo === null ? sql`${key} < ${w.hi}` : sql`${key} >= ${w.lo} AND ${key} < ${w.hi}`;
  };

  /** The tests a tier's rows pass, and the tests they fail. */
  function testsOf(tier: Tier): { required: Test[]; excluded: Test[] } {
    const required: Test[] = [];
    const excluded: Test[] = [];
    for (const [flag, wanted] of Object.entries(tier) as [RankFlag, boolean][])
      (wanted ? required : excluded).push(flagTests[flag]);
    // Without an exact or title test the folded terms are asked; a required boost joins them.
    if (!required.some((t) => t.column !== "folded_tsv")) {
      const ownBoost = required.findIndex((t) => t.column === "folded_tsv");
      if (ownBoost >= 0) required.splice(ownBoost, 1);
      required.push({ column: "folded_tsv", query: ownBoost >= 0 && boost ? `${base} & ${boost}` : base });
    }
    return { required, excluded };
  }

  /** Window bounds, newest first, read from the rank index as far as a search needs them. */
  const windows: Window[] = [];
  let lastWindowFound = false;
  async function windowAt(index: number): Promise<Window | null> {
    while (windows.length <= index && !lastWindowFound) {
      const hi = windows.at(-1)?.lo ?? below;
      const rows = WINDOW_ROWS[windows.length];
      let lo: number | undefined;
      if (rows !== undefined) {
        // A walk down the rank index, the one plain index scan a search makes.
        await sql`SELECT set_config('enable_indexscan', 'on', true)`.execute(db);
        const { rows: found } = await sql<{ k: number }>`
          SELECT rank_key AS k FROM search_documents WHERE rank_key < ${hi}
          ORDER BY rank_key DESC OFFSET ${rows - 1} LIMIT 1`.execute(db);
        await sql`SELECT set_config('enable_indexscan', 'off', true)`.execute(db);
        lo = found[0]?.k;
      }
      if (lo === undefined || (atLeast !== null && lo <= atLeast)) {
        windows.push({ hi, lo: atLeast });
        lastWindowFound = true;
      } else windows.push({ hi, lo });
    }
    return windows[index] ?? null;
  }

  /** Rank keys of the tier's rows inside one window, newest first, at most `limit`. */
  function tierInWindow(tier: Tier, w: Window, limit: number) {
    const { required, excluded } = testsOf(tier);
    // Row by row in the small windows; in the large ones the GIN bitmaps may be cheaper.
    const small = w.lo !== null && windows.indexOf(w) < SMALL_WINDOWS;
    const testSql = small ? rowTestSql : indexTestSql;
    // Within a window the planner reads the window's rows and tests each: the small inline title
    // first, the large TOASTed columns last, so that a row failing the title is never decompressed
    // (PostgreSQL keeps the written order of tests of equal cost).
    const tests = [
      ...required.map((test) => ({ test, sql: testSql(test), last: 0 })),
      ...excluded.map((test) => ({ test, sql: sql`NOT (${testSql(test)})`, last: 1 })),
    ].sort((a, b) => COLUMN_COST[a.test.column] - COLUMN_COST[b.test.column] || a.last - b.last);
    const where = [windowSql("d", w), ...filterParts, ...tests.map((t) => t.sql)];
    return sql<{ k: number }>`
      SELECT d.rank_key AS k FROM search_documents d WHERE ${sql.join(where, sql` AND `)}
      ORDER BY d.rank_key DESC LIMIT ${limit}`;
  }

  /** The newest `want` rank keys of the tier (fewer when it has fewer), window by window. */
  async function newest(tier: Tier, want: number): Promise<number[]> {
    const keys: number[] = [];
    for (let i = 0; keys.length < want; i++) {
      const w = await windowAt(i);
      if (!w) break;
      const { rows } = await tierInWindow(tier, w, want - keys.length).execute(db);
      for (const r of rows) keys.push(Number(r.k));
    }
    return keys;
  }

  /**
   * Counts a tier that excludes nothing on the GIN indexes alone: the rank bounds are kept out of the
   * index (`+ 0`), so the planner has nothing but the GIN bitmaps to start from and reads no row's
   * text again (pair lexemes answer exactly); the count stops at `cap` rows.
   */
  async function countOnIndexes(tests: Test[], cap: number): Promise<number> {
    const where = [...tests.map(indexTestSql), sql`d.rank_key + 0 < ${below}`, ...filterParts];
    if (atLeast !== null) where.push(sql`d.rank_key + 0 >= ${atLeast}`);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (SELECT 1 FROM search_documents d WHERE ${sql.join(where, sql` AND `)} LIMIT ${cap}) AS t
    `.execute(db);
    return Number(rows[0]?.n ?? 0);
  }

  return {
    async count(tier, cap) {
      const { required, excluded } = testsOf(tier);
      if (excluded.length === 0) {
        // A probe ("does any match have the reader's spelling?") is usually answered by the newest
        // window, a few rows tested one by one; the GIN bitmaps of common words cost 10–30 ms.
        if (cap <= (WINDOW_ROWS[0] as number)) {
          const first = await windowAt(0);
          if (first && (await tierInWindow(tier, first, cap).execute(db)).rows.length >= cap) return cap;
        }
        return countOnIndexes(required, cap);
      }
      return (await newest(tier, cap)).length;
    },
    async fetch(tier, limit, offset) {
      const keys = await newest(tier, offset + limit);
      return keys.slice(offset).map(articleIdOfKey);
    },
  };
}
