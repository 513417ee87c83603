import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface SessionRow {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

export async function insertSession(
  db: Kysely<DB>,
  s: {
    id: string;
    userId: number;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now.toISOString(),
      expires_at: s.expiresAt.toISOString(),
      last_seen_at: s.now.toISOString(),
      user_agent: s.userAgent,
      ip: s.ip,
    })
    .execute();
}

/** The live session with this id, or undefined when unknown or expired. */
export async function findLiveSession(
  db: Kysely<DB>,
  id: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom("sessions")
    .select(["id", "user_id", "csrf_token", "expires_at", "last_seen_at"])
    .where("id", "=", id)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        lastSeenAt: row.last_seen_at,
      }
    : undefined;
}

/** Slides the expiry forward (called at most every few minutes per session, not on every request). */
export async function touchSession(db: Kysely<DB>, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user but `exceptId` (the one making the change, when it is the user). */
export async function deleteSessionsOfUser(
  db: Kysely<DB>,
  userId: number,
  exceptId: string | null = null,
): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where("expires_at", "<=", now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
