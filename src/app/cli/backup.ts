import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { type Config, ConfigError } from "../../core/config.js";
import { type Database, openDatabase } from "../../core/db/database.js";
import type { DB } from "../../core/db/schema.js";
import { migrateToLatest, migrateUpTo, migrationNames } from "../migrations.js";
import { backupPostgres, POSTGRES_FOLDER, type PostgresContent, restorePostgres } from "./backup-postgres.js";

/**
 * Backup and restore of everything a ward's install holds: the database and the files under the data
 * folder the database points to (portal photos in `media/`, session attachments in `session-files/`).
 *
 * A backup is a folder: `database.sqlite` (SQLite) or `database/` (PostgreSQL: one CSV file per table,
 * see backup-postgres.ts), the two file folders, and `manifest.json`, written last, with the size and
 * SHA-256 of every file (and on PostgreSQL each table's columns and rows, each sequence's value and the
 * migrations applied). A folder without a manifest is an unfinished backup; restore checks every file
 * against it first.
 *
 * Consistency while the app keeps writing: SQLite is copied with `VACUUM INTO`, one read transaction
 * (WAL lets the app's writes go on meanwhile), on a worker thread so the caller's event loop runs on;
 * PostgreSQL is read in one REPEATABLE READ transaction, one snapshot. Either way the copy holds exactly the transactions committed before it
 * started: every write acknowledged before the backup began, and no half of any write. Files are
 * copied after the database, and a photo is written before the row that names it, so every file the
 * copy names is there (files added later are extra, never missing).
 */

export const BACKUP_FORMAT = "giaoban-backup";
/** The data folders saved with the database. */
export const DATA_FOLDERS = ["media", "session-files"] as const;
const MANIFEST = "manifest.json";

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  engine: "sqlite" | "postgres";
  /** The database file inside the folder (SQLite), or the folder of table files (PostgreSQL). */
  database: string;
  folders: string[];
  files: { path: string; bytes: number; sha256: string }[];
  /** PostgreSQL only: what the table files hold. */
  postgres?: PostgresContent;
}

/** Copies a live SQLite database to `target` as one consistent snapshot, off the main thread. */
export function snapshotSqlite(sourceFile: string, target: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const code = `
    const { workerData } = require("node:worker_threads");
    const SQLite = require(workerData.driver);
    const db = new SQLite(workerData.source, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      db.prepare("VACUUM INTO ?").run(workerData.target);
    } finally {
      db.close();
    }`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { driver, source: sourceFile, target } });
    worker.once("error", reject);
    worker.once("exit", (exitCode) =>
      exitCode === 0 ? resolve() : reject(new Error(`SQLite snapshot stopped with code ${exitCode}`)),
    );
  });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}

async function isEmptyFolder(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await listFiles(dir)).length === 0;
}

/**
 * Backs up the database and the data folders into the new folder `target` (refused if it exists).
 * On failure the unfinished folder is removed.
 */
export async function createBackup(input: {
  database: Database;
  source: Config["database"];
  dataDir: string;
  target: string;
  now?: Date;
}): Promise<BackupManifest> {
  const { target } = input;
  if (existsSync(target))
    throw new ConfigError(`backup target ${target} already exists; choose a new folder name`);
  await mkdir(target, { recursive: true });
  try {
    let databaseFile: string;
    let postgres: PostgresContent | undefined;
    if (input.source.kind === "sqlite") {
      if (!input.database.sqlite) throw new ConfigError("the SQLite database is not open");
      databaseFile = "database.sqlite";
      await snapshotSqlite(input.database.sqlite.name, path.join(target, databaseFile));
    } else {
      databaseFile = POSTGRES_FOLDER;
      postgres = await backupPostgres(input.source.url, target);
    }
    const folders: string[] = [];
    for (const folder of DATA_FOLDERS) {
      const from = path.join(input.dataDir, folder);
      if (!existsSync(from)) continue;
      await cp(from, path.join(target, folder), { recursive: true });
      folders.push(folder);
    }
    const files = [];
    for (const file of await listFiles(target)) {
      const full = path.join(target, file);
      files.push({ path: file, bytes: (await stat(full)).size, sha256: await sha256Of(full) });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: (input.now ?? new Date()).toISOString(),
      engine: input.source.kind,
      database: databaseFile,
      folders,
      files,
      ...(postgres ? { postgres } : {}),
    };
    await writeFile(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  }
}

/** Reads the manifest and checks every file against it; throws ConfigError naming the first mismatch. */
export async function verifyBackup(source: string): Promise<BackupManifest> {
  const manifestFile = path.join(source, MANIFEST);
  if (!existsSync(manifestFile))
    throw new ConfigError(`${source} is not a complete giaoban backup (no ${MANIFEST})`);
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== 1)
    throw new ConfigError(`${source}: unknown backup format`);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    if (path.isAbsolute(file.path) || file.path.split(/[\\/]/).includes(".."))
      throw new ConfigError(`backup damaged: ${file.path} is outside the backup`);
    const full = path.join(source, file.path);
    if (!existsSync(full)) throw new ConfigError(`backup damaged: ${file.path} is missing`);
    if ((await stat(full)).size !== file.bytes || (await sha256Of(full)) !== file.sha256)
      throw new ConfigError(`backup damaged: ${file.path} differs from the manifest`);
  }
  if (manifest.engine === "postgres") {
    if (!manifest.postgres)
      throw new ConfigError(
        `${source} was made with pg_dump by an earlier version: restore ${manifest.database} with pg_restore`,
      );
    for (const table of manifest.postgres.tables)
      if (!listed.has(table.file)) throw new ConfigError(`backup damaged: no file for table ${table.name}`);
  } else if (!listed.has(manifest.database)) throw new ConfigError("backup damaged: no database file");
  return manifest;
}

/** True when the database holds what a ward enters: units, users, articles or audit events. */
export async function holdsData(db: Kysely<DB>): Promise<boolean> {
  const tables = new Set((await db.introspection.getTables()).map((t) => t.name));
  for (const table of ["units", "users", "articles", "audit_events"]) {
    if (!tables.has(table)) continue;
    const row = await sql`select 1 as one from ${sql.table(table)} limit 1`.execute(db);
    if (row.rows.length > 0) return true;
  }
  return false;
}

/**
 * Restores a backup folder into the configured database and data folder, after checking every file.
 * Refuses a database or data folder that already holds data unless `force`; then replaces them. Run
 * it with the app stopped. The restored database is then migrated to this version.
 */
export async function restoreBackup(input: {
  source: string;
  target: Config["database"];
  dataDir: string;
  force: boolean;
}): Promise<BackupManifest> {
  const manifest = await verifyBackup(input.source);
  if (manifest.engine !== input.target.kind)
    throw new ConfigError(
      `the backup is of ${manifest.engine} but DATABASE_URL names ${input.target.kind}; restore into the same engine`,
    );
  const backupDatabase = path.join(input.source, manifest.database);
  let postgres: { content: PostgresContent; last: string } | undefined;
  if (manifest.engine === "postgres" && manifest.postgres) {
    // The backup's own schema is rebuilt from its migrations, which must be a start of this version's.
    const known = migrationNames("postgres");
    const applied = manifest.postgres.migrations;
    const last = applied.at(-1);
    if (!last || applied.some((name, i) => known[i] !== name))
      throw new ConfigError(
        `the backup's migrations (${applied.join(", ") || "none"}) are not this version's; restore it with the version that made it`,
      );
    postgres = { content: manifest.postgres, last };
  }
  if (manifest.engine === "sqlite") {
    const check = new SQLite(backupDatabase, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma("integrity_check", { simple: true });
      if (result !== "ok") throw new ConfigError(`backup damaged: SQLite integrity check says ${result}`);
    } finally {
      check.close();
    }
  }

  const database = await openDatabase(input.target, { poolSize: 2 });
  try {
    const occupied = [
      ...((await holdsData(database.db)) ? ["the database"] : []),
      ...(
        await Promise.all(
          DATA_FOLDERS.map(async (f) => ((await isEmptyFolder(path.join(input.dataDir, f))) ? [] : [f])),
        )
      ).flat(),
    ];
    if (occupied.length > 0 && !input.force)
      throw new ConfigError(
        `${occupied.join(" and ")} already hold data; restore replaces it only with --force`,
      );
    if (database.dialect === "postgres") {
      // The migrations create every table: the schema is emptied first (the role must own it).
      await sql`drop schema if exists public cascade`.execute(database.db);
      await sql`create schema public`.execute(database.db);
    }
  } finally {
    await database.close();
  }
  if (input.target.kind === "sqlite") {
    const from = new SQLite(backupDatabase, { readonly: true });
    try {
      // The backup API replaces the target's whole content through SQLite itself (WAL included).
      await from.backup(input.target.file);
    } finally {
      from.close();
    }
  } else if (postgres) {
    const created = await openDatabase(input.target, { poolSize: 2 });
    try {
      await migrateUpTo(created.db, "postgres", postgres.last);
    } finally {
      await created.close();
    }
    await restorePostgres(input.target.url, input.source, postgres.content);
  }

  for (const folder of DATA_FOLDERS) {
    const to = path.join(input.dataDir, folder);
    await rm(to, { recursive: true, force: true });
    if (manifest.folders.includes(folder)) await cp(path.join(input.source, folder), to, { recursive: true });
  }

  const restored = await openDatabase(input.target, { poolSize: 2 });
  try {
    await migrateToLatest(restored.db, restored.dialect);
  } finally {
    await restored.close();
  }
  return manifest;
}
