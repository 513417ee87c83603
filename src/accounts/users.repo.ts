import type { Kysely, Selectable } from "kysely";
import type { Grant } from "../core/access/policy.js";
import { isRole } from "../core/access/roles.js";
import type { DB } from "../core/db/schema.js";
import type { UsersTable } from "./accounts.tables.js";

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  disabled: boolean;
}

function toUser(r: Selectable<UsersTable>): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    passwordHash: r.password_hash,
    disabled: r.disabled === 1,
  };
}

export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username.toLowerCase())
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserById(db: Kysely<DB>, id: number): Promise<UserRow | undefined> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function insertUser(
  db: Kysely<DB>,
  user: { username: string; displayName: string; email: string | null; passwordHash: string; now: Date },
): Promise<number> {
  const at = user.now.toISOString();
  const row = await db
    .insertInto("users")
    .values({
      username: user.username.toLowerCase(),
      display_name: user.displayName,
      email: user.email,
      password_hash: user.passwordHash,
      disabled: 0,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePasswordHash(
  db: Kysely<DB>,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: now.toISOString() })
    .where("id", "=", userId)
    .execute();
}

export async function listGrantsOfUser(db: Kysely<DB>, userId: number): Promise<(Grant & { id: number })[]> {
  const rows = await db
    .selectFrom("role_grants")
    .select(["id", "role", "unit_id", "valid_from", "valid_to"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return rows.flatMap((r) =>
    isRole(r.role)
      ? [{ id: r.id, role: r.role, unitId: r.unit_id, validFrom: r.valid_from, validTo: r.valid_to }]
      : [],
  );
}

export async function insertGrant(
  db: Kysely<DB>,
  grant: {
    userId: number;
    role: string;
    unitId: number;
    validFrom: string;
    validTo: string | null;
    now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto("role_grants")
    .values({
      user_id: grant.userId,
      role: grant.role,
      unit_id: grant.unitId,
      valid_from: grant.validFrom,
      valid_to: grant.validTo,
      created_at: grant.now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UserListRow {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  grants: { role: string; unitId: number; unitName: string; validFrom: string; validTo: string | null }[];
}

/** Users holding at least one grant on one of `unitIds` (null: every user), with their grants. */
export async function listUsersWithGrants(db: Kysely<DB>, unitIds: number[] | null): Promise<UserListRow[]> {
  let grantsQuery = db
    .selectFrom("role_grants")
    .innerJoin("units", "units.id", "role_grants.unit_id")
    .select([
      "role_grants.user_id",
      "role_grants.role",
      "role_grants.unit_id",
      "units.name as unit_name",
      "role_grants.valid_from",
      "role_grants.valid_to",
    ]);
  if (unitIds !== null) {
    if (unitIds.length === 0) return [];
    grantsQuery = grantsQuery.where("role_grants.unit_id", "in", unitIds);
  }
  const grants = await grantsQuery.orderBy("role_grants.id").execute();
  let usersQuery = db
    .selectFrom("users")
    .select(["id", "username", "display_name", "disabled"])
    .orderBy("username");
  if (unitIds !== null) {
    const ids = [...new Set(grants.map((g) => g.user_id))];
    if (ids.length === 0) return [];
    usersQuery = usersQuery.where("id", "in", ids);
  }
  const users = await usersQuery.execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled === 1,
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({
        role: g.role,
        unitId: g.unit_id,
        unitName: g.unit_name,
        validFrom: g.valid_from,
        validTo: g.valid_to,
      })),
  }));
}
