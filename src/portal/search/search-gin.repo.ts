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

/**
 * Workers besides the leader for each GIN build (PostgreSQL 18 builds GIN indexes in parallel). The
 * planner sizes a build by the table's main fork, which the TOASTed vectors leave small, so it would
 * choose none: the table's `parallel_workers` says how many, for the builds only. Capped by the
 * server's `max_parallel_maintenance_workers` (2 by default); older servers build alone.
 */
const BUILD_WORKERS = 2;

export async function dropSearchGinIndexes(db: Kysely<DB>): Promise<void> {
  for (const [name] of GIN_INDEXES) await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
}

export async function createSearchGinIndexes(db: Kysely<DB>): Promise<void> {
  // Memory for the build of each index, shared by its workers (the default 64 MB makes it spill to
  // disk at 100.000 articles); released when each build ends.
  await sql`SELECT set_config('maintenance_work_mem', '256MB', true)`.execute(db);
  await sql`ALTER TABLE search_documents SET (parallel_workers = ${sql.lit(BUILD_WORKERS)})`.execute(db);
  for (const [name, column] of GIN_INDEXES)
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(name)} ON search_documents USING gin (${sql.id(column)})`.execute(
      db,
    );
  await sql`ALTER TABLE search_documents RESET (parallel_workers)`.execute(db);
}
