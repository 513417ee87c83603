import { type Kysely, sql } from "kysely";
import type { DialectName } from "../../core/db/dialect.js";
import { rebuildSearchIndex } from "./search-index.service.js";

/**
 * SQLite: the FTS5 table again with the `ascii` tokenizer instead of `unicode61`. The index receives
 * ready-made tokens (search-text.rules.ts) separated by spaces, so a tokenizer only has to split at
 * the spaces: `ascii` does that (every character above 127 is part of a token, as ours are) at about
 * 60% of unicode61's cost, the largest part of the index build, and cannot split a token that
 * JavaScript sees as one. Queries are the same tokens, so they match as before.
 * PostgreSQL needs nothing.
 */
export function searchSpeedMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect !== "sqlite") return;
      await sql`DROP TABLE article_search`.execute(db);
      // rowid = rank_key; columns and token kinds as in 0007 (search-fts.rules.ts).
      await sql`CREATE VIRTUAL TABLE article_search USING fts5(
        title_f, body_f, title_x, body_x, title_t, meta,
        content='', contentless_delete=1,
        tokenize="ascii tokenchars '_'"
      )`.execute(db);
      await rebuildSearchIndex(db);
    },
  };
}
