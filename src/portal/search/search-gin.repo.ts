import { type Kysely, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";

/**
 * PostgreSQL's GIN indexes of the search index (made by migrations 0006 and 0022), dropped and made
 * again around a full rebuild: building a GIN index once from every row is several times faster than
 * growing it row by row. Inside the caller's transaction the table is locked for the rebuild (readers
 * wait rather than see an index without rows).
 */
const GIN_INDEXES = [
  ["search_documents_folded_idx", "folded_tsv"],
  ["search_documents_exact_idx", "exact_tsv"],
  ["search_documents_title_idx", "title_tsv"],
] as const;

export async function dropSearchGinIndexes(db: Kysely<DB>): Promise<void> {
  for (const [name] of GIN_INDEXES) await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
}

export async function createSearchGinIndexes(db: Kysely<DB>): Promise<void> {
  // Memory for the build of each index (the default 64 MB makes it spill to disk at 100.000 articles).
  await sql`SELECT set_config('maintenance_work_mem', '256MB', true)`.execute(db);
  for (const [name, column] of GIN_INDEXES)
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(name)} ON search_documents USING gin (${sql.id(column)})`.execute(
      db,
    );
}
