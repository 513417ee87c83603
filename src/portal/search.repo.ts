import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { engineOf } from "./search.index.js";
import { ftsExpression, type ParsedQuery, type SearchTerm, tsqueryText } from "./search.rules.js";

/**
 * The search queries, one per engine, returning the same ids in the same order.
 *
 * Matching uses the folded tokens. Ranking is a fixed order both engines compute alike (no BM25 or
 * ts_rank, which differ): articles holding every long run as a phrase first, then those matching
 * with the reader's own accents ("má" above "ma", "mà"), then those matching in the title, then the
 * newest. Only articles whose publish time has come are found.
 */

export interface SearchFilters {
  /** ISO instant: articles published after it are not visible yet. */
  nowIso: string;
  categoryId?: number | null;
  unitId?: number | null;
  /** ISO instants: published at or after `fromIso`, before `toIso`. */
  fromIso?: string | null;
  toIso?: string | null;
}

export interface SearchPage {
  ids: number[];
  total: number;
}

const FOLDED_COLUMNS = ["title_f", "body_f"];
const EXACT_COLUMNS = ["title_x", "body_x"];

const folded = (terms: SearchTerm[]) => terms.map((t) => t.folded);
const exact = (terms: SearchTerm[]) => terms.map((t) => t.exact);

function filtersSql(filters: SearchFilters): RawBuilder<unknown> {
  const parts = [sql`d.published_at <= ${filters.nowIso}`];
  if (filters.categoryId != null) parts.push(sql`d.category_id = ${filters.categoryId}`);
  if (filters.unitId != null) parts.push(sql`d.unit_id = ${filters.unitId}`);
  if (filters.fromIso) parts.push(sql`d.published_at >= ${filters.fromIso}`);
  if (filters.toIso) parts.push(sql`d.published_at < ${filters.toIso}`);
  return sql.join(parts, sql` AND `);
}

/** Rank tests first (true before false), then the newest; the id settles equal times. */
function orderBy(ranks: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql.join([...ranks.map((r) => sql`${r} DESC`), sql`d.published_at DESC`, sql`d.article_id DESC`]);
}

interface Row {
  id: number;
  total: number;
}

function sqliteQuery(parsed: ParsedQuery, filters: SearchFilters, limit: number, offset: number) {
  const hit = (expression: string) =>
    sql`(d.article_id IN (SELECT rowid FROM article_search WHERE article_search MATCH ${expression}))`;
  const ranks = [
    ...(parsed.boosts.length > 0 ? [hit(ftsExpression(folded(parsed.boosts), FOLDED_COLUMNS))] : []),
    hit(ftsExpression(exact(parsed.terms), EXACT_COLUMNS)),
    hit(ftsExpression(folded(parsed.terms), ["title_f"])),
  ];
  return sql<Row>`
    SELECT d.article_id AS id, count(*) OVER () AS total
    FROM article_search s
    JOIN search_documents d ON d.article_id = s.rowid
    WHERE article_search MATCH ${ftsExpression(folded(parsed.terms), FOLDED_COLUMNS)}
      AND ${filtersSql(filters)}
    ORDER BY ${orderBy(ranks)}
    LIMIT ${limit} OFFSET ${offset}`;
}

function postgresQuery(parsed: ParsedQuery, filters: SearchFilters, limit: number, offset: number) {
  // IN (subquery) lets PostgreSQL answer the ranking tests from the GIN indexes once, instead of
  // reading every candidate's tsvector again.
  const hit = (column: "folded_tsv" | "exact_tsv", query: string) =>
    sql`(d.article_id IN (SELECT article_id FROM search_documents WHERE ${sql.ref(column)} @@ ${query}::tsquery))`;
  const ranks = [
    ...(parsed.boosts.length > 0 ? [hit("folded_tsv", tsqueryText(folded(parsed.boosts)))] : []),
    hit("exact_tsv", tsqueryText(exact(parsed.terms))),
    hit("folded_tsv", tsqueryText(folded(parsed.terms), "A")),
  ];
  return sql<Row>`
    SELECT d.article_id AS id, count(*) OVER () AS total
    FROM search_documents d
    WHERE d.folded_tsv @@ ${tsqueryText(folded(parsed.terms))}::tsquery
      AND ${filtersSql(filters)}
    ORDER BY ${orderBy(ranks)}
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * One page of matching article ids, best first, and how many match in all. The query must not be
 * empty (`isEmptyQuery`): there is nothing to rank without a term.
 */
export async function searchArticleIds(
  db: Kysely<DB>,
  parsed: ParsedQuery,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<SearchPage> {
  if (parsed.terms.length === 0) return { ids: [], total: 0 };
  const query =
    engineOf(db) === "postgres"
      ? postgresQuery(parsed, filters, page.limit, page.offset)
      : sqliteQuery(parsed, filters, page.limit, page.offset);
  const { rows } = await query.execute(db);
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the window count is not there, count on its own.
    const all = await searchArticleIds(db, parsed, filters, { limit: 1, offset: 0 });
    return { ids: [], total: all.total };
  }
  return { ids: rows.map((r) => Number(r.id)), total: Number(rows[0]?.total ?? 0) };
}

export interface SearchResultRow {
  id: number;
  slug: string;
  title: string;
  lead: string | null;
  bodyHtml: string;
  publishedAt: string;
  unitName: string;
  unitLevel: string;
  categoryName: string | null;
  categorySlug: string | null;
}

/** The articles behind a page of ids, in the order of the ids. */
export async function loadSearchResults(db: Kysely<DB>, ids: number[]): Promise<SearchResultRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("articles")
    .innerJoin("units", "units.id", "articles.unit_id")
    .leftJoin("categories", "categories.id", "articles.category_id")
    .select([
      "articles.id",
      "articles.slug",
      "articles.title",
      "articles.lead",
      "articles.body_html",
      "articles.published_at",
      "units.name as unit_name",
      "units.level as unit_level",
      "categories.name as category_name",
      "categories.slug as category_slug",
    ])
    .where("articles.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            id: r.id,
            slug: r.slug,
            title: r.title,
            lead: r.lead,
            bodyHtml: r.body_html,
            publishedAt: r.published_at ?? "",
            unitName: r.unit_name,
            unitLevel: r.unit_level,
            categoryName: r.category_name,
            categorySlug: r.category_slug,
          },
        ]
      : [];
  });
}

export interface SearchFacets {
  categories: { id: number; slug: string; name: string }[];
  /** Units owning at least one indexed article, for the unit filter. */
  units: { id: number; name: string; level: string }[];
}

/** What the search form offers to filter by. */
export async function listSearchFacets(db: Kysely<DB>): Promise<SearchFacets> {
  const [categories, units] = await Promise.all([
    db
      .selectFrom("categories")
      .select(["id", "slug", "name"])
      .orderBy("sort_order")
      .orderBy("name")
      .execute(),
    db
      .selectFrom("units")
      .select(["id", "name", "level"])
      .where("id", "in", (eb) => eb.selectFrom("search_documents").select("unit_id").distinct())
      .orderBy("name")
      .execute(),
  ]);
  return { categories, units };
}

/** A category's id from its slug, or undefined. */
export async function findCategoryIdBySlug(db: Kysely<DB>, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom("categories").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}
