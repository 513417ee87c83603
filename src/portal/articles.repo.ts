import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/**
 * Adds buffered view counts. Additive (`views + n`), never a read-modify-write, so flushes from
 * several processes sharing one database do not overwrite each other.
 */
export async function addArticleViews(db: Kysely<DB>, counts: Map<number, number>): Promise<void> {
  if (counts.size === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const [articleId, n] of counts) {
      await trx
        .updateTable("articles")
        .set((eb) => ({ views: eb("views", "+", n) }))
        .where("id", "=", articleId)
        .execute();
    }
  });
}
