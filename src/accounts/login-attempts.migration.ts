import type { Kysely } from "kysely";

/**
 * Attempts the throttle refused are logged too, marked with the limit that refused them, so that an
 * attack shows in the log in full while the refusals themselves never count as failures.
 */
export function loginRefusalsMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("login_attempts").addColumn("refused_by", "text").execute();
      // The pair limit reads one username at one address, newest first.
      await db.schema
        .createIndex("login_attempts_pair_idx")
        .on("login_attempts")
        .columns(["username", "ip", "at"])
        .execute();
    },
  };
}
