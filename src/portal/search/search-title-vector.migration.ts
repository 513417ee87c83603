import { type Kysely, sql } from "kysely";
import type { DialectName } from "../../core/db/dialect.js";
import { rebuildSearchIndex } from "./search-index.service.js";

/**
 * PostgreSQL only: the folded title gets a tsvector column of its own with its own GIN index, so
 * "every word is in the title" is answered by a short index list instead of a check of each row's
 * whole text (SQLite has had its title copy since 0007); and every tsvector gains the pair lexemes of
 * neighbouring words (search-tsvector.rules.ts; since 0027 in the folded vectors only), so the index
 * alone answers two-syllable phrases. Both need every article indexed anew. SQLite needs nothing.
 */
export function searchTitleVectorMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect !== "postgres") return;
      await sql`ALTER TABLE search_documents ADD COLUMN title_tsv tsvector NOT NULL DEFAULT ''::tsvector`.execute(
        db,
      );
      await sql`CREATE INDEX search_documents_title_idx ON search_documents USING gin (title_tsv)`.execute(
        db,
      );
      await rebuildSearchIndex(db);
    },
  };
}
