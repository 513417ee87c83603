import type { Kysely } from "kysely";

/**
 * The original file a notice was imported from (Word or PDF), kept as a stored file (session_files)
 * and linked from the notice; null for a notice typed or pasted.
 */
export function noticeSourceMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable("conclusion_notices")
        .addColumn("source_file_id", "integer", (c) => c.references("session_files.id").onDelete("set null"))
        .execute();
    },
  };
}
