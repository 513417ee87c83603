import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export async function insertApiToken(
  db: Kysely<DB>,
  t: { userId: number; name: string; tokenHash: string; now: Date },
): Promise<number> {
  const row = await db
    .insertInto("api_tokens")
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      created_at: t.now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The owner of a live (not revoked) token with this hash. */
export async function findUserIdByTokenHash(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<{ tokenId: number; userId: number } | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ? { tokenId: row.id, userId: row.user_id } : undefined;
}

export async function listApiTokens(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "created_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .execute();
}

export async function revokeApiToken(
  db: Kysely<DB>,
  tokenId: number,
  userId: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
