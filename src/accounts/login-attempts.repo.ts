import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { AttemptStats, ThrottleLimit } from "./login-throttle.rules.js";

/**
 * Every attempt is logged, first as a failure before anything is checked: the throttle then counts
 * the rows logged before this one (by id), so that parallel attempts see one another instead of all
 * passing on the same count. `settleLoginAttempt` records how it ended.
 */
export async function insertLoginAttempt(
  db: Kysely<DB>,
  a: { username: string; ip: string; at: Date; success: boolean },
): Promise<number> {
  const row = await db
    .insertInto("login_attempts")
    .values({
      username: a.username.toLowerCase(),
      ip: a.ip,
      at: a.at.toISOString(),
      success: a.success ? 1 : 0,
      refused_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A logged attempt turned out a success, or was refused by a throttle limit without a check. */
export async function settleLoginAttempt(
  db: Kysely<DB>,
  id: number,
  outcome: { success: true } | { refusedBy: ThrottleLimit },
): Promise<void> {
  await db
    .updateTable("login_attempts")
    .set("success" in outcome ? { success: 1 } : { refused_by: outcome.refusedBy })
    .where("id", "=", id)
    .execute();
}

/**
 * Recent failures for the throttle (login-throttle.rules.ts): for this username at this address since
 * their last success, for this address, and for this username from anywhere. Refused attempts are
 * not failures. Kept in the database so that several app processes share one count.
 */
export async function loadAttemptStats(
  db: Kysely<DB>,
  q: {
    username: string;
    ip: string;
    /** Only attempts logged before this one count. */
    beforeId: number;
    pairSince: Date;
    addressSince: Date;
    usernameSince: Date;
  },
): Promise<AttemptStats> {
  const username = q.username.toLowerCase();
  const checked = db
    .selectFrom("login_attempts")
    .where("refused_by", "is", null)
    .where("id", "<", q.beforeId);
  // By id, not time: attempts within the same millisecond still come in the order they were made.
  const lastPairSuccess = await checked
    .where("username", "=", username)
    .where("ip", "=", q.ip)
    .where("success", "=", 1)
    .where("at", ">=", q.pairSince.toISOString())
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  const afterId = Number(lastPairSuccess?.id ?? 0);
  const failures = checked.where("success", "=", 0);
  const [pair, address, user] = await Promise.all([
    failures
      .where("username", "=", username)
      .where("ip", "=", q.ip)
      .where("id", ">", afterId)
      .where("at", ">=", q.pairSince.toISOString())
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("at").as("at")])
      .executeTakeFirstOrThrow(),
    failures
      .where("ip", "=", q.ip)
      .where("at", ">=", q.addressSince.toISOString())
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at").as("at")])
      .executeTakeFirstOrThrow(),
    failures
      .where("username", "=", username)
      .where("at", ">=", q.usernameSince.toISOString())
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("at").as("at")])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    pair: { failures: Number(pair.n), lastFailureAt: (pair.at as string | null) ?? null },
    address: { failures: Number(address.n), oldestFailureAt: (address.at as string | null) ?? null },
    username: { failures: Number(user.n), lastFailureAt: (user.at as string | null) ?? null },
  };
}

export async function deleteLoginAttemptsBefore(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom("login_attempts").where("at", "<", before.toISOString()).execute();
}
