import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { migrateToLatest } from "../../src/app/migrations.js";
import { type Database, openDatabase } from "../../src/core/db/database.js";
import type { DialectName } from "../../src/core/db/dialect.js";

/** Both engines; database tests run once on each with `describe.each(ENGINES)`. */
export const ENGINES: DialectName[] = ["sqlite", "postgres"];

/** A fresh, migrated, empty database of the given engine, private to the calling test file. */
export async function createTestDatabase(engine: DialectName): Promise<Database> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "giaoban-sqlite-"));
    const database = await openDatabase({ kind: "sqlite", file: path.join(dir, "test.sqlite") });
    await migrateToLatest(database.db, "sqlite");
    return database;
  }
  const url = await createPostgresDatabase();
  const database = await openDatabase({ kind: "postgres", url }, { poolSize: 4 });
  await migrateToLatest(database.db, "postgres");
  return database;
}

/** Creates an empty PostgreSQL database on the shared test server and returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
