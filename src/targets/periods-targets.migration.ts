import { type Kysely, sql } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/**
 * Issue 13: who assigned a target and what kind it is, and how an indicator's figures are rounded.
 * - targets.assigned_by: higher (cấp trên giao) | council (HĐND giao) | own (the unit's own plan).
 *   Every target so far was set from above (the policy allowed nothing else): they become "higher".
 *   A unit may now hold one target of each kind for the same indicator and period, so the
 *   revision's unique key gains assigned_by. SQLite cannot drop a table constraint: the table is
 *   rebuilt with its rows, ids and index (nothing references targets).
 * - targets.target_kind: level | at_least | at_most | reduction_pct | reduction_amount | sub_targets;
 *   targets.baseline (the figure a reduction starts from); targets.sub_total (m of "n/m chỉ tiêu").
 * - indicators.precision: fraction digits of the indicator's figures in the API and the pages (null:
 *   the default of its value type); indicators.percent_digits: 0 or 1, how reports write its
 *   percentages ("đạt 101%" or "đạt 101,3%"; null: the office's habit).
 * - period_kind of stored keys that are now months, quarters or first-n-months ("2020-6T").
 */
export function periodsTargetsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("indicators").addColumn("precision", "integer").execute();
      await db.schema.alterTable("indicators").addColumn("percent_digits", "integer").execute();
      const unique = ["indicator_id", "unit_id", "applies_to", "assigned_by", "period_key", "revision"];
      if (dialect === "postgres") {
        const alter = () => db.schema.alterTable("targets");
        await alter()
          .addColumn("assigned_by", "text", (c) => c.notNull().defaultTo("higher"))
          .execute();
        await alter()
          .addColumn("target_kind", "text", (c) => c.notNull().defaultTo("level"))
          .execute();
        await alter().addColumn("baseline", "double precision").execute();
        await alter().addColumn("sub_total", "integer").execute();
        await alter().dropConstraint("targets_revision_unique").execute();
        await alter().addUniqueConstraint("targets_revision_unique", unique).execute();
      } else {
        await rebuildSqliteTargets(db, unique);
      }
      for (const [kind, patterns] of [
        ["month", ["____-0_", "____-1_"]],
        ["quarter", ["____-Q_"]],
        ["cumulative", ["____-_T", "____-1_T"]],
      ] as const) {
        for (const pattern of patterns) {
          await db
            .updateTable("targets")
            .set({ period_kind: kind })
            .where("period_kind", "=", "custom")
            .where("period_key", "like", pattern)
            .execute();
        }
      }
    },
  };
}

async function rebuildSqliteTargets(db: Kysely<any>, unique: string[]): Promise<void> {
  await withAutoId(db.schema.createTable("targets_new"), "sqlite")
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("applies_to", "text", (c) => c.notNull())
    .addColumn("assigned_by", "text", (c) => c.notNull().defaultTo("higher"))
    .addColumn("target_kind", "text", (c) => c.notNull().defaultTo("level"))
    .addColumn("period_kind", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("aggregation", "text")
    .addColumn("level_kind", "text", (c) => c.notNull())
    .addColumn("value", "double precision")
    .addColumn("min_value", "double precision")
    .addColumn("max_value", "double precision")
    .addColumn("baseline", "double precision")
    .addColumn("sub_total", "integer")
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("document", "text")
    .addColumn("note", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("targets_revision_unique", unique as never)
    .execute();
  const columns = sql.raw(
    [
      "id",
      "indicator_id",
      "unit_id",
      "applies_to",
      "period_kind",
      "period_key",
      "period_start",
      "period_end",
      "aggregation",
      "level_kind",
      "value",
      "min_value",
      "max_value",
      "revision",
      "document",
      "note",
      "created_by",
      "created_at",
    ].join(", "),
  );
  await sql`INSERT INTO targets_new (${columns}) SELECT ${columns} FROM targets`.execute(db);
  await sql`DROP TABLE targets`.execute(db);
  await sql`ALTER TABLE targets_new RENAME TO targets`.execute(db);
  await db.schema
    .createIndex("targets_unit_period_idx")
    .on("targets")
    .columns(["unit_id", "period_key", "indicator_id"])
    .execute();
}
