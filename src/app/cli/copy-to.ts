import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type SQLite from "better-sqlite3";
import type pg from "pg";
import { ConfigError } from "../../core/config.js";
import { type Database, openDatabase } from "../../core/db/database.js";
import { rebuildSearchIndex } from "../../portal/search/search-index.service.js";
import { migrateToLatest } from "../migrations.js";
import { appTables, loadOrder, setSequencesPastMax, tableColumns } from "./backup-postgres.js";
import { compareTables, type TableCheck } from "./copy-check.js";

/**
 * `giaoban copy-to <DATABASE_URL>`: moves a whole installation from its SQLite file into an empty
 * PostgreSQL database, for a ward that has outgrown the embedded default.
 *
 * 1. Refuses a target that holds any row (a fresh database, or one only migrated, is empty).
 * 2. Migrates the target to this version: the schema is the app's migrations, as on any install.
 * 3. Copies every table in one transaction, parents before children (the order of the foreign keys),
 *    each table as one `COPY … FROM STDIN` streamed from SQLite in batches, ids kept; then moves every
 *    sequence past the highest id, so new rows get fresh ids.
 * 4. Rebuilds the search index on the target (its tsvector columns have no SQLite counterpart).
 * 5. Checks that every table has the same rows on both sides: count and checksum (copy-check.ts).
 *
 * Media files are left where they are: the rows name them by key under the data folder, which stays.
 * Run it with the app stopped (or read-only), so the copy is of one moment.
 */

/** Tables not copied: the search index is rebuilt on the target from the articles. */
const REBUILT = new Set(["search_documents"]);
const ROWS_PER_CHUNK = 500;

export interface CopyProgress {
  /** A step starts: `total` rows (or articles) to go. */
  start(step: string, total: number): void;
  /** `done` of the step's total so far. */
  update(done: number): void;
  stop(): void;
}

export interface CopyReport {
  tables: TableCheck[];
  searchDocuments: number;
}

const SILENT: CopyProgress = { start() {}, update() {}, stop() {} };

async function connect(url: string): Promise<pg.Client> {
  const pgModule = (await import("pg")).default;
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Tables of the target holding rows (Kysely's own are not counted). */
async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const out: string[] = [];
  for (const table of await appTables(client)) {
    const result = await client.query(`select 1 from public.${client.escapeIdentifier(table)} limit 1`);
    if (result.rows.length > 0) out.push(table);
  }
  return out;
}

/** SQLite's own tables: every ordinary table but its internals, Kysely's and the FTS5 index. */
function sqliteTables(sqlite: SQLite.Database): string[] {
  const rows = sqlite
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
         and name not like 'kysely_%' and name not like 'article_search%' order by name`,
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** A value as a CSV field of PostgreSQL's COPY: NULL unquoted and empty, everything else quoted. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The table's rows as CSV chunks, read from SQLite as they are needed. */
function csvRows(sqlite: SQLite.Database, table: string, columns: string[], onRows: (n: number) => void) {
  const list = columns.map((c) => `"${c}"`).join(", ");
  const statement = sqlite.prepare(`select ${list} from "${table}" order by rowid`).raw(true);
  return Readable.from(
    (function* () {
      let chunk: string[] = [];
      for (const row of statement.iterate() as Iterable<unknown[]>) {
        chunk.push(`${row.map(csvField).join(",")}\n`);
        if (chunk.length >= ROWS_PER_CHUNK) {
          onRows(chunk.length);
          yield chunk.join("");
          chunk = [];
        }
      }
      if (chunk.length > 0) {
        onRows(chunk.length);
        yield chunk.join("");
      }
    })(),
  );
}

/** Copies the SQLite `source` into the empty PostgreSQL database at `targetUrl`; see the module comment. */
export async function copyToPostgres(input: {
  source: Database;
  targetUrl: string;
  progress?: CopyProgress;
}): Promise<CopyReport> {
  const progress = input.progress ?? SILENT;
  const sqlite = input.source.sqlite;
  if (!sqlite) throw new ConfigError("copy-to copies an SQLite installation: DATABASE_URL must name SQLite");

  const probe = await connect(input.targetUrl);
  try {
    const occupied = await tablesWithRows(probe);
    if (occupied.length > 0)
      throw new ConfigError(
        `the target database is not empty (rows in ${occupied.slice(0, 5).join(", ")}${occupied.length > 5 ? ", …" : ""}); copy-to only fills an empty database`,
      );
  } finally {
    await probe.end();
  }

  const target = await openDatabase({ kind: "postgres", url: input.targetUrl }, { poolSize: 2 });
  try {
    await migrateToLatest(target.db, "postgres");
  } finally {
    await target.close();
  }

  const { copy } = { copy: (await import("pg-copy-streams")).default };
  const client = await connect(input.targetUrl);
  const fromSqlite = new Set(sqliteTables(sqlite));
  try {
    await client.query("BEGIN");
    const tables = (await appTables(client)).filter((t) => !REBUILT.has(t));
    const missing = tables.filter((t) => !fromSqlite.has(t));
    const extra = [...fromSqlite].filter((t) => !tables.includes(t) && !REBUILT.has(t));
    if (missing.length > 0 || extra.length > 0)
      throw new ConfigError(
        `the two schemas differ (${[...missing.map((t) => `no table ${t} in SQLite`), ...extra.map((t) => `no table ${t} in PostgreSQL`)].join(", ")}); migrate both with this version`,
      );
    const counts = new Map(
      tables.map((t) => [t, (sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]),
    );
    progress.start(
      "copy",
      [...counts.values()].reduce((a, b) => a + b, 0),
    );
    let done = 0;
    for (const table of await loadOrder(client, tables)) {
      const columns = await tableColumns(client, table);
      const list = columns.map((c) => client.escapeIdentifier(c)).join(", ");
      const ingest = client.query(
        copy.from(`COPY public.${client.escapeIdentifier(table)} (${list}) FROM STDIN (FORMAT csv)`),
      );
      await pipeline(
        csvRows(sqlite, table, columns, (n) => {
          done += n;
          progress.update(done);
        }),
        ingest,
      );
      if (ingest.rowCount !== counts.get(table))
        throw new ConfigError(`copying ${table}: ${ingest.rowCount} rows written of ${counts.get(table)}`);
    }
    await setSequencesPastMax(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    progress.stop();
    await client.end();
  }

  const copied = await openDatabase({ kind: "postgres", url: input.targetUrl }, { poolSize: 2 });
  try {
    const searchDocuments = await copied.db.transaction().execute(async (trx) => {
      let started = false;
      return rebuildSearchIndex(trx, {
        onProgress: (read, total) => {
          if (!started) progress.start("search index", total);
          started = true;
          progress.update(read);
        },
      });
    });
    progress.stop();
    const tables = await compareTables(input.source, copied, progress);
    return { tables, searchDocuments };
  } finally {
    await copied.close();
  }
}
