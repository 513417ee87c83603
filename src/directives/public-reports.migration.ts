import type { Kysely } from "kysely";

/**
 * A progress report's text may be shown to the public (on a published notice's page): the reporter
 * says so report by report. Default private: reports written before this migration stay internal.
 * Part of migration 0016 (src/app/migrations.ts).
 */
export async function addPublicReportFlag(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("directive_reports")
    .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
