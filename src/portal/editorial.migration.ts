import type { Kysely } from "kysely";
import type { DialectName } from "../core/db/dialect.js";

/** Tables of the portal's editorial workflow, revisions, media library, categories, tags and links of articles. */
export function editorialMigration(_dialect: DialectName) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
    async up(_db: Kysely<any>): Promise<void> {},
  };
}
