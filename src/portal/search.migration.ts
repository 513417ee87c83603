import type { Kysely } from "kysely";
import type { DialectName } from "../core/db/dialect.js";

/** Tables of the portal's the search index of articles, satisfaction ratings and view statistics. */
export function searchMigration(_dialect: DialectName) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
    async up(_db: Kysely<any>): Promise<void> {},
  };
}
