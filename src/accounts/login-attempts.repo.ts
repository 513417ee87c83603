import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export async function insertLoginAttempt(
  db: Kysely<DB>,
  a: { username: string; ip: string; at: Date; success: boolean },
): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values({
      username: a.username.toLowerCase(),
      ip: a.ip,
      at: a.at.toISOString(),
      success: a.success ? 1 : 0,
    })
    .execute();
}

/**
 * Failed attempts since `since` for this username and for this address. Kept in the database so
 * that several app processes share one count.
 */
export async function countRecentFailures(
  db: Kysely<DB>,
  username: string,
  ip: string,
  since: Date,
): Promise<{ byUsername: number; byIp: number; oldestByUsername: string | null; oldestByIp: string | null }> {
  const recent = db
    .selectFrom("login_attempts")
    .where("success", "=", 0)
    .where("at", ">=", since.toISOString());
  const [user, addr] = await Promise.all([
    recent
      .where("username", "=", username.toLowerCase())
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at").as("oldest")])
      .executeTakeFirstOrThrow(),
    recent
      .where("ip", "=", ip)
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at").as("oldest")])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    byUsername: Number(user.n),
    byIp: Number(addr.n),
    oldestByUsername: (user.oldest as string | null) ?? null,
    oldestByIp: (addr.oldest as string | null) ?? null,
  };
}

export async function deleteLoginAttemptsBefore(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom("login_attempts").where("at", "<", before.toISOString()).execute();
}
