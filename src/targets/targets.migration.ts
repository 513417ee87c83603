import type { Kysely } from "kysely";
import type { DialectName } from "../core/db/dialect.js";

/** Tables of the targets module. */
export function targetsMigration(_dialect: DialectName) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
    async up(_db: Kysely<any>): Promise<void> {},
  };
}
