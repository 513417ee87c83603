/** Who works for which department: the organisations of a user who is department staff. */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/** Organisations a user works for as department staff (the emulation module keeps the list). */
export async function staffOrganisationIds(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("department_staff")
    .select("organisation_id")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.organisation_id);
}
