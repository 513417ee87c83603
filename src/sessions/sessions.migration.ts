import type { Kysely } from "kysely";
import type { DialectName } from "../core/db/dialect.js";

/** Tables of working sessions, conclusions, directives, progress reports, proposals and reminders. */
export function sessionsMigration(_dialect: DialectName) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
    async up(_db: Kysely<any>): Promise<void> {},
  };
}
