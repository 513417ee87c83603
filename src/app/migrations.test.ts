import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../test/support/databases.js";
import type { Database } from "../core/db/database.js";
import { migrateToLatest } from "./migrations.js";

describe.each(ENGINES)("migrations on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it("creates the foundation tables and is idempotent", async () => {
    const again = await migrateToLatest(database.db, engine);
    expect(again).toEqual([]);
    const tables = (await database.db.introspection.getTables()).map((t) => t.name);
    for (const name of [
      "units",
      "unit_parents",
      "users",
      "role_grants",
      "audit_events",
      "articles",
      "sessions",
    ]) {
      expect(tables).toContain(name);
    }
  });

  it("round-trips a unit with the same values on both engines", async () => {
    const now = "2020-01-02T14:49:00.000Z";
    const row = await database.db
      .insertInto("units")
      .values({
        name: "Thượng Thanh",
        level: "ward",
        code: "00115",
        valid_from: "2003-11-06",
        valid_to: null,
        address: null,
        phone: null,
        email: null,
        intro: null,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "name", "valid_from", "valid_to"])
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Thượng Thanh", valid_from: "2003-11-06", valid_to: null });
    expect(typeof row.id).toBe("number");
    const count = await database.db
      .selectFrom("units")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});
