/**
 * Kysely table types of the portal's search index of articles, satisfaction ratings and view
 * statistics; merged into `DB`.
 *
 * The full-text part of the index is engine-specific and reached only through `search.repo.ts` with
 * raw SQL: on SQLite the FTS5 table `article_search` (rowid = article id), on PostgreSQL the tsvector
 * columns `folded_tsv` and `exact_tsv` of `search_documents`. Neither appears in these types.
 */

export interface SearchDocumentsTable {
  /** The article's id. Only articles readers can see (published or scheduled) are indexed, one row each. */
  article_id: number;
  /** ISO-8601 UTC, copied from the article: whether its time has come is checked per query. */
  published_at: string;
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

export interface SearchTables {
  search_documents: SearchDocumentsTable;
  article_ratings: ArticleRatingsTable;
  article_daily_views: ArticleDailyViewsTable;
}

/** The SQLite FTS5 table of the search index. */
export const FTS_TABLE = "article_search";

/**
 * True for the tables SQLite creates behind the FTS5 table (`article_search_data`…). They are not
 * application tables: SQLite refuses writes to them, and clearing `article_search` clears them.
 */
export function isSearchShadowTable(name: string): boolean {
  return /^article_search_(?:data|idx|content|docsize|config)$/.test(name);
}
