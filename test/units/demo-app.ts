import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import type { DialectName } from "../../src/core/db/dialect.js";
import type { DB } from "../../src/core/db/schema.js";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { createTestApp, type TestApp } from "../support/app.js";

/** The real app with the demo data loaded; the clock stands at 02/01/2020 15:00 in Vietnam. */
export async function createDemoApp(engine: DialectName): Promise<TestApp & { mediaDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-units-"));
  const t = await createTestApp(engine, { config: { dataDir } });
  const mediaDir = path.join(dataDir, "media");
  const loaded = await loadDemoIfEmpty(t.database, new Date("2019-12-31T17:00:00Z"), mediaDir);
  if (!loaded) throw new Error("demo data did not load into a fresh database");
  return Object.assign(t, { mediaDir });
}

/**
 * The id of the unit with this name and level valid at `at`: names and codes repeat over time
 * (three units are called Long Biên), so a date is always part of the question.
 */
export async function unitIdAt(db: Kysely<DB>, name: string, level: string, at: string): Promise<number> {
  const row = await db
    .selectFrom("units")
    .select("id")
    .where("name", "=", name)
    .where("level", "=", level)
    .where("valid_from", "<=", at)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", at)]))
    .executeTakeFirstOrThrow();
  return row.id;
}
