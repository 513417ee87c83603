import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/** The demo's notice of this number, if the story loaded it. */
export async function demoNoticeId(db: Kysely<DB>, number: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("conclusion_notices")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirst();
  return row?.id;
}
