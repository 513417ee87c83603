import type { Kysely } from "kysely";
import type { DialectName } from "../../core/db/dialect.js";
import { rebuildSearchIndex } from "./search-index.service.js";

/**
 * PostgreSQL only: the accent-exact column (`exact_tsv`) loses its pair lexemes, which were a third
 * of the index's entries and of its build time; its phrases are now checked as chains of words on
 * the rows the folded pairs leave (postgres-tiers.repo.ts). Queries find the same articles with the
 * old vectors too (a vector with pairs still holds every word at its position): the rebuild only
 * makes the index smaller. SQLite needs nothing.
 */
export function searchPairsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect !== "postgres") return;
      await rebuildSearchIndex(db);
    },
  };
}
