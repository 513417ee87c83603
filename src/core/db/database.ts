import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type pg from "pg";
import { type Config, ConfigError } from "../config.js";
import type { DialectName } from "./dialect.js";
import type { DB } from "./schema.js";
import { withStatementCache } from "./sqlite-statement-cache.js";

/** The PostgreSQL driver, loaded only when DATABASE_URL asks for it (an SQLite install never pays for it). */
async function loadPg(): Promise<typeof pg> {
  const driver = (await import("pg")).default;
  // COUNT(*) and other int8 values arrive as strings by default; ours never exceed 2^53.
  driver.types.setTypeParser(20, (value) => Number(value));
  driver.types.setTypeParser(1700, (value) => Number(value));
  return driver;
}

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The SQLite handle, for the online backup API; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

function openSqlite(file: string): Database {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; the busy timeout makes a second process wait, not fail.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
}

async function openPostgres(
  url: string,
  poolSize: number,
  onIdleError: (error: Error) => void,
): Promise<Database> {
  const pg = await loadPg();
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // A connection that breaks while idle (the server restarted, a proxy timed out) is dropped by the
  // pool and the next query opens a new one; unhandled, the error would stop the whole process.
  pool.on("error", onIdleError);
  // Checked now so that a wrong URL stops the start with one line instead of failing the first request.
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    const where = new URL(url);
    throw new ConfigError(
      `cannot connect to PostgreSQL at ${where.hostname}:${where.port || 5432}: ${reason}`,
    );
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", sqlite: null, close: () => db.destroy() };
}

export async function openDatabase(
  database: Config["database"],
  options: { poolSize?: number; onIdleError?: (error: Error) => void } = {},
): Promise<Database> {
  return database.kind === "sqlite"
    ? openSqlite(database.file)
    : openPostgres(database.url, options.poolSize ?? 10, options.onIdleError ?? (() => {}));
}
