import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { type ParsedQuery, tsqueryText } from "./search.rules.js";
import { ftsAllMarked, ftsAllPhrases } from "./search-fts.rules.js";
import { articleIdOfKey, rankKeyAt } from "./search-text.rules.js";

/**
 * The two engines behind one small interface, so the ranking algorithm (search.repo.ts) is written
 * once. Every question is about a "tier": the matches that do (true) or do not (false) have each
 * ranking property. Both engines read candidates newest first by rank key and stop at the LIMIT.
 */

/** Ranking properties, most important first. */
export type RankFlag = "boost" | "exact" | "title";

/** A set of matches: each listed property required (true) or excluded (false); unlisted: either. */
export type Tier = Partial<Record<RankFlag, boolean>>;

export interface SearchFilters {
  /** Instant of the search: articles published from this second on are not visible yet. */
  nowIso: string;
  categoryId?: number | null;
  unitId?: number | null;
  /** Published at or after `fromIso`, before `toIso` (whole seconds). */
  fromIso?: string | null;
  toIso?: string | null;
}

export interface TierQueries {
  /** How many matches the tier has, counting no further than `cap`. */
  count(tier: Tier, cap: number): Promise<number>;
  /** Article ids of the tier, newest first. */
  fetch(tier: Tier, limit: number, offset: number): Promise<number[]>;
}

/** Rank-key bounds of the filters: visible now, and inside the date range. */
function keyBounds(filters: SearchFilters): { below: number; atLeast: number | null } {
  let below = rankKeyAt(filters.nowIso);
  if (filters.toIso) below = Math.min(below, rankKeyAt(filters.toIso));
  return { below, atLeast: filters.fromIso ? rankKeyAt(filters.fromIso) : null };
}

// ---- SQLite: everything inside the FTS5 table (rowid = rank key, filters as `meta` tokens) ------

export function sqliteTierQueries(db: Kysely<DB>, parsed: ParsedQuery, filters: SearchFilters): TierQueries {
  const folded = parsed.terms.map((t) => t.folded);
  // Each property has its own token kind (search.fts.ts), so no expression needs a column filter.
  const flags: Record<RankFlag, string> = {
    boost: ftsAllPhrases(parsed.boosts.map((t) => t.folded)),
    exact: ftsAllMarked(
      "exact",
      parsed.terms.map((t) => t.exact),
    ),
    title: ftsAllMarked("title", folded),
  };
  const meta = [
    filters.categoryId != null ? `c${filters.categoryId}` : null,
    filters.unitId != null ? `u${filters.unitId}` : null,
  ].filter((t): t is string => t !== null);
  const filter =
    meta.length > 0
      ? ` AND (${ftsAllMarked(
          "meta",
          meta.map((t) => [t]),
        )})`
      : "";
  const { below, atLeast } = keyBounds(filters);

  // Every exact or title match is also a match of the folded terms, so a tier requiring one of them
  // leaves the folded terms out: FTS5 then walks the short lists instead of seeking through the long
  // ones of common syllables (40 → 5 ms for a rare tier at 100.000 articles).
  const expression = (tier: Tier) => {
    const required = (["exact", "title"] as const).filter((flag) => tier[flag] === true);
    let expr =
      required.length > 0
        ? required.map((flag) => `(${flags[flag]})`).join(" AND ")
        : `(${ftsAllPhrases(folded)})`;
    expr += filter;
    for (const [flag, wanted] of Object.entries(tier) as [RankFlag, boolean][]) {
      if (wanted && required.includes(flag as "exact" | "title")) continue;
      expr = wanted ? `(${expr}) AND (${flags[flag]})` : `(${expr}) NOT (${flags[flag]})`;
    }
    return expr;
  };
  const where = (tier: Tier) =>
    sql`article_search MATCH ${expression(tier)} AND rowid < ${below}${atLeast === null ? sql`` : sql` AND rowid >= ${atLeast}`}`;

  return {
    async count(tier, cap) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*) AS n FROM (SELECT rowid FROM article_search WHERE ${where(tier)} ORDER BY rowid DESC LIMIT ${cap})
      `.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    async fetch(tier, limit, offset) {
      const { rows } = await sql<{ k: number }>`
        SELECT rowid AS k FROM article_search WHERE ${where(tier)} ORDER BY rowid DESC LIMIT ${limit} OFFSET ${offset}
      `.execute(db);
      return rows.map((r) => articleIdOfKey(Number(r.k)));
    },
  };
}

// ---- PostgreSQL: tsvector columns of search_documents, GIN indexes, rank_key b-tree ------------

export function postgresTierQueries(
  db: Kysely<DB>,
  parsed: ParsedQuery,
  filters: SearchFilters,
): TierQueries {
  const folded = parsed.terms.map((t) => t.folded);
  const baseQuery = tsqueryText(folded);
  // Folded-side tests join the base tsquery (one GIN lookup); the exact side has its own column.
  const foldedFlags: Partial<Record<RankFlag, string>> = { title: tsqueryText(folded, "A") };
  if (parsed.boosts.length > 0) foldedFlags.boost = tsqueryText(parsed.boosts.map((t) => t.folded));
  const exactQuery = tsqueryText(parsed.terms.map((t) => t.exact));
  const { below, atLeast } = keyBounds(filters);
  // Visible now, inside the dates, in the category and unit asked for: part of every statement.
  const filterParts: RawBuilder<unknown>[] = [sql`rank_key < ${below}`];
  if (atLeast !== null) filterParts.push(sql`rank_key >= ${atLeast}`);
  if (filters.categoryId != null) filterParts.push(sql`category_id = ${filters.categoryId}`);
  if (filters.unitId != null) filterParts.push(sql`unit_id = ${filters.unitId}`);

  const where = (tier: Tier): RawBuilder<unknown> => {
    let foldedText = `(${baseQuery})`;
    const parts: RawBuilder<unknown>[] = [];
    for (const [flag, wanted] of Object.entries(tier) as [RankFlag, boolean][]) {
      if (flag === "exact") {
        parts.push(
          wanted ? sql`exact_tsv @@ ${exactQuery}::tsquery` : sql`NOT (exact_tsv @@ ${exactQuery}::tsquery)`,
        );
      } else {
        foldedText += wanted ? ` & (${foldedFlags[flag]})` : ` & !(${foldedFlags[flag]})`;
      }
    }
    return sql.join([sql`folded_tsv @@ ${foldedText}::tsquery`, ...parts, ...filterParts], sql` AND `);
  };

  /**
   * "Does any match have the reader's own spelling?": the exact column alone (every exact match is a
   * folded match), through its GIN index. Left to itself, the planner takes the word statistics of an
   * absent spelling ("phuong" typed without accents) for a few hundred rows and, under the LIMIT,
   * reads the whole table sequentially to find none (1,2–1,7 s at 100.000 articles). A bitmap scan
   * answers from the index either way: at once when the spelling is absent, from the first heap page
   * when it is common.
   */
  const hasExactMatch = () =>
    db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
        trx,
      );
      const where = sql.join([sql`exact_tsv @@ ${exactQuery}::tsquery`, ...filterParts], sql` AND `);
      const { rows } = await sql<{ n: number }>`
        SELECT count(*) AS n FROM (SELECT 1 FROM search_documents WHERE ${where} LIMIT 1) AS t
      `.execute(trx);
      return Number(rows[0]?.n ?? 0);
    });

  return {
    async count(tier, cap) {
      const flags = Object.keys(tier);
      if (cap === 1 && flags.length === 1 && tier.exact === true && !db.isTransaction) return hasExactMatch();
      const { rows } = await sql<{ n: number }>`
        SELECT count(*) AS n FROM (SELECT 1 FROM search_documents WHERE ${where(tier)} LIMIT ${cap}) AS t
      `.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    async fetch(tier, limit, offset) {
      const { rows } = await sql<{ id: number }>`
        SELECT article_id AS id FROM search_documents WHERE ${where(tier)}
        ORDER BY rank_key DESC LIMIT ${limit} OFFSET ${offset}
      `.execute(db);
      return rows.map((r) => Number(r.id));
    },
  };
}
