import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, ENGINES } from "../../../test/support/databases.js";
import { directiveRow } from "../../../test/support/directive-rows.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { storedAndRecomputedCounters } from "../../../test/support/follow-up-counters.js";
import { migrateToLatest, migrateUpTo, migrationNames } from "../../app/migrations.js";
import { type Database, openDatabase } from "../../core/db/database.js";

const MIGRATION = "0024-follow-up-counters";

describe.each(ENGINES)(`migration ${MIGRATION} on %s`, (engine) => {
  let database: Database;

  beforeAll(async () => {
    database =
      engine === "sqlite"
        ? await openDatabase({
            kind: "sqlite",
            file: path.join(mkdtempSync(path.join(tmpdir(), "giaoban-0024-")), "t.sqlite"),
          })
        : await openDatabase({ kind: "postgres", url: await createPostgresDatabase() }, { poolSize: 2 });
    const names = migrationNames(engine);
    await migrateUpTo(database.db, engine, names[names.indexOf(MIGRATION) - 1] as string);
    // Directives written before the counters existed.
    const db = database.db;
    const top = await createUnit(db, { name: "Long Biên", level: "district" });
    const ward = await createUnit(db, { name: "Thượng Thanh", parentId: top });
    const row = (
      state: string,
      kind: "date" | "year" | "none",
      date: string | null,
      submittedAt: string | null,
    ) =>
      directiveRow({
        leadUnitId: ward,
        assigningUnitId: top,
        state,
        kind,
        date,
        submittedAt,
        assignerName: "Đỗ Mạnh Hải",
      });
    await db
      .insertInto("directives")
      .values([
        row("assigned", "date", "2020-03-31", null),
        row("in_progress", "year", "2020-01-01", null),
        row("submitted", "date", "2020-03-31", "2020-04-02T03:00:00.000Z"),
        row("confirmed", "date", "2020-03-31", "2020-03-30T03:00:00.000Z"),
        row("paused", "none", null, null),
      ])
      .execute();
    await migrateToLatest(database.db, engine);
  });
  afterAll(() => database.close());

  it("fills the counters from the directives already stored", async () => {
    const { stored, recomputed } = await storedAndRecomputedCounters(database.db);
    // Four dimensions of one ward, one assigner, no notice, two deadline months and none.
    expect(Object.keys(stored)).toHaveLength(6);
    expect(stored).toEqual(recomputed);
  });
});
