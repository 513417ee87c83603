import type { Kysely } from "kysely";
import type { DB } from "./schema.js";

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one (the demo loader
 * calls the same use cases inside its own all-or-nothing transaction; Kysely does not nest them).
 */
export function withTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
