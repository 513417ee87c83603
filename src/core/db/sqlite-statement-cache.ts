import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * Kysely's SQLite driver prepares every query again, and on a page that runs a handful of small
 * queries SQLite's parser and planner cost more than the queries themselves. This wrapper keeps the
 * most recently used prepared statements by their SQL text. Kysely binds values as parameters, so
 * the set of distinct texts is small; the cap only guards against a caller that inlines values.
 *
 * A statement that is still being iterated (a streamed query) is busy and cannot run again, so a
 * second use of the same text meanwhile gets its own, uncached statement.
 */
export function withStatementCache(sqlite: SQLite.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-insert so that the Map's insertion order is the order of last use.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached as unknown as SqliteStatement;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
