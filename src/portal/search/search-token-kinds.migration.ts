import { type Kysely, sql } from "kysely";
import type { DialectName } from "../../core/db/dialect.js";
import { rebuildSearchIndex } from "./search-index.service.js";

/**
 * SQLite only: the FTS5 table again, with each token kind in its own namespace (search.fts.ts) and a
 * marked copy of the title, then every article indexed anew. PostgreSQL keeps exact and folded
 * lexemes in separate tsvector columns already and needs nothing.
 */
export function searchTokenKindsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect !== "sqlite") return;
      await sql`DROP TABLE article_search`.execute(db);
      // rowid = rank_key. Columns: folded title, folded body, exact title, exact body, marked folded
      // title, filter tokens. `remove_diacritics 0`: the folding is ours (unicode61 would keep đ) and
      // the exact columns keep their accents; `tokenchars '_'`: the marks stay inside their tokens.
      await sql`CREATE VIRTUAL TABLE article_search USING fts5(
        title_f, body_f, title_x, body_x, title_t, meta,
        content='', contentless_delete=1,
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
      )`.execute(db);
      await rebuildSearchIndex(db);
    },
  };
}
