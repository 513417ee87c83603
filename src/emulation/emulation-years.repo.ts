import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/** What a list of the emulation pages holds, each read by its own table's period or year. */
export type EmulationList = "assessments" | "schemes" | "quality" | "awards";

/** Period keys and years that hold rows of one emulation list: where its page opens by default. */
export async function listEmulationPeriods(db: Kysely<DB>, list: EmulationList): Promise<string[]> {
  switch (list) {
    case "assessments":
      return (await db.selectFrom("department_assessments").select("period_key").distinct().execute()).map(
        (r) => r.period_key,
      );
    case "schemes":
      return (await db.selectFrom("emulation_schemes").select("period_key").distinct().execute()).map(
        (r) => r.period_key,
      );
    case "quality":
      return (await db.selectFrom("quality_ratings").select("year").distinct().execute()).map((r) => r.year);
    case "awards":
      return (await db.selectFrom("award_proposals").select("year").distinct().execute()).map((r) => r.year);
  }
}
