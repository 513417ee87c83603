import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, ENGINES } from "../../test/support/databases.js";
import { createUnit } from "../../test/support/fixtures.js";
import { migrateToLatest, migrateUpTo } from "../app/migrations.js";
import { type Database, openDatabase } from "../core/db/database.js";
import { isUniqueViolation } from "../core/db/dialect.js";

describe.each(ENGINES)("migration 0011-periods-targets on %s", (engine) => {
  let database: Database;
  let unitId: number;
  let indicatorId: number;
  const ids: number[] = [];
  const at = "2020-01-02T00:00:00.000Z";
  const target = (periodKey: string, periodKind: string, value: number) => ({
    indicator_id: indicatorId,
    unit_id: unitId,
    applies_to: "unit",
    period_kind: periodKind,
    period_key: periodKey,
    period_start: "2020-01-01",
    period_end: "2020-06-30",
    level_kind: "value",
    value,
    revision: 0,
    created_at: at,
  });

  beforeAll(async () => {
    database =
      engine === "sqlite"
        ? await openDatabase({
            kind: "sqlite",
            file: path.join(mkdtempSync(path.join(tmpdir(), "giaoban-0011-")), "t.sqlite"),
          })
        : await openDatabase({ kind: "postgres", url: await createPostgresDatabase() }, { poolSize: 2 });
    // The schema before 0011, with targets written then.
    await migrateUpTo(database.db, engine, "0008-login-refusals");
    // Before 0011 the DB type has columns the old schema lacks: write its rows untyped.
    const db = database.db as unknown as Kysely<any>;
    unitId = await createUnit(database.db, { name: "Thượng Thanh", level: "ward" });
    indicatorId = (
      await db
        .insertInto("indicators")
        .values({
          code: "THU_NS",
          name: "Thu ngân sách",
          field: "Kinh tế",
          unit_of_measure: "tỷ đồng",
          value_type: "number",
          direction: "higher_is_better",
          comparison_mode: "ratio",
          term_aggregation: "mean",
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    for (const [key, kind, value] of [
      ["2020-6T", "custom", 21],
      ["2020-Q3", "custom", 11],
      ["2020-07", "custom", 4],
      ["2020", "year", 42],
    ] as const) {
      ids.push(
        (
          await db
            .insertInto("targets")
            .values(target(key, kind, value))
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    await migrateToLatest(database.db, engine);
  });
  afterAll(() => database.close());

  it("keeps every target with its id, from above and a plain level, and names the new period kinds", async () => {
    const rows = await database.db
      .selectFrom("targets")
      .select([
        "id",
        "period_key",
        "period_kind",
        "assigned_by",
        "target_kind",
        "baseline",
        "sub_total",
        "value",
      ])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => [r.period_key, r.period_kind, r.assigned_by, r.target_kind, r.value])).toEqual([
      ["2020-6T", "cumulative", "higher", "level", 21],
      ["2020-Q3", "quarter", "higher", "level", 11],
      ["2020-07", "month", "higher", "level", 4],
      ["2020", "year", "higher", "level", 42],
    ]);
    expect(rows.every((r) => r.baseline === null && r.sub_total === null)).toBe(true);
  });

  it("lets each assigner hold revision 0 of the same target, once each, and new rows get fresh ids", async () => {
    const insert = (assignedBy: string) =>
      database.db
        .insertInto("targets")
        .values({ ...target("2020", "year", 44), assigned_by: assignedBy })
        .returning("id")
        .executeTakeFirstOrThrow();
    const council = await insert("council");
    expect(council.id).toBeGreaterThan(Math.max(...ids));
    let duplicate: unknown = null;
    try {
      await insert("council");
    } catch (error) {
      duplicate = error;
    }
    expect(isUniqueViolation(duplicate)).toBe(true);
    const columns = (await database.db.introspection.getTables()).find(
      (t) => t.name === "indicators",
    )?.columns;
    expect(columns?.map((c) => c.name)).toEqual(expect.arrayContaining(["precision", "percent_digits"]));
  });
});
