import { spawn } from "node:child_process";
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
import { migrateToLatest } from "../migrations.js";

/**
 * Backup and restore of everything a ward's install holds: the database and the files under the data
 * folder the database points to (portal photos in `media/`, session attachments in `session-files/`).
 *
 * A backup is a folder: `database.sqlite` (SQLite) or `database.dump` (pg_dump's custom format), the
 * two file folders, and `manifest.json`, written last, with the size and SHA-256 of every file. A
 * folder without a manifest is an unfinished backup; restore checks every file against it first.
 *
 * Consistency while the app keeps writing: SQLite is copied with `VACUUM INTO`, one read transaction
 * (WAL lets the app's writes go on meanwhile), on a worker thread so the caller's event loop runs on;
 * pg_dump reads one snapshot. Either way the copy holds exactly the transactions committed before it
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
  /** The database file inside the folder. */
  database: string;
  folders: string[];
  files: { path: string; bytes: number; sha256: string }[];
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

/** A PostgreSQL URL without its password, and the password for PGPASSWORD (not visible in `ps`). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** Runs a PostgreSQL client program; a missing program is a ConfigError naming the package. */
function runPgTool(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new ConfigError(
              `${program} not found on PATH: install the postgresql-client package (the server's major version or newer)`,
            )
          : error,
      ),
    );
    child.once("close", (code) =>
      code === 0 ? resolve() : reject(new ConfigError(`${program} failed (exit ${code}): ${stderr.trim()}`)),
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
    if (input.source.kind === "sqlite") {
      if (!input.database.sqlite) throw new ConfigError("the SQLite database is not open");
      databaseFile = "database.sqlite";
      await snapshotSqlite(input.database.sqlite.name, path.join(target, databaseFile));
    } else {
      databaseFile = "database.dump";
      const { url, env } = splitPassword(input.source.url);
      await runPgTool(
        "pg_dump",
        [
          "--format=custom",
          "--no-owner",
          "--no-privileges",
          `--file=${path.join(target, databaseFile)}`,
          url,
        ],
        env,
      );
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
    const full = path.join(source, file.path);
    if (!existsSync(full)) throw new ConfigError(`backup damaged: ${file.path} is missing`);
    if ((await stat(full)).size !== file.bytes || (await sha256Of(full)) !== file.sha256)
      throw new ConfigError(`backup damaged: ${file.path} differs from the manifest`);
  }
  if (!listed.has(manifest.database)) throw new ConfigError("backup damaged: no database file");
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
      // pg_restore creates every table: the schema is emptied first (the role must own it).
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
  } else {
    const { url, env } = splitPassword(input.target.url);
    await runPgTool(
      "pg_restore",
      [
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${url}`,
        backupDatabase,
      ],
      env,
    );
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
