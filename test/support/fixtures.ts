import type { Kysely } from "kysely";
import { hashPassword } from "../../src/accounts/password.js";
import { insertGrant, insertUser } from "../../src/accounts/users.repo.js";
import type { Role } from "../../src/core/access/roles.js";
import type { DB } from "../../src/core/db/schema.js";

const NOW = new Date("2019-12-01T00:00:00Z");

export async function createUnit(
  db: Kysely<DB>,
  unit: {
    name: string;
    level?: string;
    parentId?: number | null;
    validFrom?: string;
    validTo?: string | null;
    code?: string | null;
  },
): Promise<number> {
  const validFrom = unit.validFrom ?? "2003-11-06";
  const row = await db
    .insertInto("units")
    .values({
      name: unit.name,
      level: unit.level ?? "ward",
      code: unit.code ?? null,
      valid_from: validFrom,
      valid_to: unit.validTo ?? null,
      address: null,
      phone: null,
      email: null,
      intro: null,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (unit.parentId) {
    await db
      .insertInto("unit_parents")
      .values({
        unit_id: row.id,
        parent_id: unit.parentId,
        valid_from: validFrom,
        valid_to: unit.validTo ?? null,
      })
      .execute();
  }
  return row.id;
}

// One hash reused by every fixture user: argon2 is slow on purpose, tests need not pay it each time.
let sharedHash: Promise<string> | null = null;
export const FIXTURE_PASSWORD = "mat-khau-thu-nghiem";

export async function createUser(
  db: Kysely<DB>,
  user: {
    username: string;
    displayName?: string;
    grants?: { role: Role; unitId: number; validFrom?: string; validTo?: string | null }[];
  },
): Promise<number> {
  sharedHash ??= hashPassword(FIXTURE_PASSWORD);
  const id = await insertUser(db, {
    username: user.username,
    displayName: user.displayName ?? user.username,
    email: null,
    passwordHash: await sharedHash,
    now: NOW,
  });
  for (const g of user.grants ?? []) {
    await insertGrant(db, {
      userId: id,
      role: g.role,
      unitId: g.unitId,
      validFrom: g.validFrom ?? "2019-01-01",
      validTo: g.validTo ?? null,
      now: NOW,
    });
  }
  return id;
}
