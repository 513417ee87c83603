import { existsSync } from "node:fs";
import type SQLite from "better-sqlite3";
import { ConfigError } from "../../core/config.js";

/**
 * Copies a live SQLite database page by page with the online backup API, so a consistent copy is
 * made while the server keeps writing. Refuses to overwrite an existing file.
 */
export async function backupSqlite(sqlite: SQLite.Database, target: string): Promise<void> {
  if (existsSync(target))
    throw new ConfigError(`backup target ${target} already exists; choose a new file name`);
  await sqlite.backup(target);
}
