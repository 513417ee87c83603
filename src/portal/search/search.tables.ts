/**
 * Kysely table types of the portal's search index of articles, satisfaction ratings, view
 * statistics and the units' portal pages (history, boundary, leaders' duties); merged into `DB`.
 *
 * The full-text part of the index is engine-specific and reached only through `search.repo.ts` with
 * raw SQL: on SQLite the FTS5 table `article_search` (rowid = article id), on PostgreSQL the tsvector
 * columns `folded_tsv`, `exact_tsv` and `title_tsv` (migration 0022) of `search_documents`, the folded
 * and title ones with pair lexemes (`tsvectorEntries`; none in `exact_tsv` since 0027). Neither
 * appears in these types.
 */

export interface SearchDocumentsTable {
  /** The article's id. Only articles readers can see (published or scheduled) are indexed, one row each. */
  article_id: number;
  /** ISO-8601 UTC, copied from the article: whether its time has come is checked per query. */
  published_at: string;
  /** Publish second and id in one number (`rankKey`): the order of results; the FTS5 rowid on SQLite. */
  rank_key: number;
  unit_id: number;
  category_id: number | null;
  indexed_at: string;
}

export interface ArticleRatingsTable {
  article_id: number;
  /** Keyed hash of address and browser, like the view counter's: one rating per visitor and article. */
  visitor: string;
  /** 1 = chưa hài lòng, 2 = bình thường, 3 = hài lòng. */
  score: number;
  created_at: string;
  updated_at: string;
}

export interface ArticleDailyViewsTable {
  article_id: number;
  /** `YYYY-MM-DD` in Vietnam. */
  day: string;
  views: number;
}

/** What the portal decree asks a unit to publish beyond the units module's profile. */
export interface UnitPortalProfilesTable {
  unit_id: number;
  /** Lịch sử hình thành và phát triển: paragraphs separated by blank lines. */
  history: string | null;
  /** Địa giới hành chính: the boundary in words ("Phía Bắc giáp …"). */
  boundary: string | null;
  area_km2: number | null;
  population: number | null;
  /** The year the population figure is for. */
  population_year: number | null;
  updated_at: string;
}

/** A leader's duties in a unit (nhiệm vụ được phân công), one text per person and unit. */
export interface LeaderDutiesTable {
  unit_id: number;
  person_id: number;
  duties: string;
  updated_at: string;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
  article_ratings: ArticleRatingsTable;
  article_daily_views: ArticleDailyViewsTable;
  unit_portal_profiles: UnitPortalProfilesTable;
  leader_duties: LeaderDutiesTable;
}

/** The SQLite FTS5 table of the search index. */
export const FTS_TABLE = "article_search";

declare module "../../core/db/schema.js" {
  interface DB extends SearchTables {}
}
