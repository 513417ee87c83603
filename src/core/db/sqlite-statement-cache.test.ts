import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./sqlite-statement-cache.js";

describe("the SQLite statement cache", () => {
  let sqlite: SQLite.Database;
  let prepared: string[];

  beforeEach(() => {
    sqlite = new SQLite(":memory:");
    sqlite.exec("CREATE TABLE t (n INTEGER)");
    sqlite.exec("INSERT INTO t VALUES (1), (2), (3)");
    prepared = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared.push(text);
      return prepare(text);
    }) as typeof sqlite.prepare;
  });
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it("prepares a query text once and reuses it with new parameters", async () => {
    const db = new Kysely<{ t: { n: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    const counts = [];
    for (const min of [0, 1, 2]) {
      const rows = await db.selectFrom("t").select("n").where("n", ">", min).execute();
      counts.push(rows.length);
    }
    expect(counts).toEqual([3, 2, 1]);
    expect(prepared).toHaveLength(1);
  });

  it("hands out a fresh statement while the cached one is mid-iteration, and reuses it afterwards", () => {
    const cache = withStatementCache(sqlite);
    const text = "SELECT n FROM t ORDER BY n";
    const first = cache.prepare(text) as unknown as SQLite.Statement;
    const iterator = first.iterate();
    expect(iterator.next().value).toEqual({ n: 1 });
    // better-sqlite3 refuses to run a statement that is mid-iteration: the cache must not return it.
    expect(cache.prepare(text)).not.toBe(first);
    iterator.return?.();
    expect(cache.prepare(text)).toBe(first);
    expect(prepared).toHaveLength(2);
  });

  it("forgets the least recently used text beyond its capacity", () => {
    const cache = withStatementCache(sqlite, 2);
    cache.prepare("SELECT 1");
    cache.prepare("SELECT 2");
    cache.prepare("SELECT 1");
    cache.prepare("SELECT 3"); // evicts SELECT 2, the least recently used
    cache.prepare("SELECT 1");
    cache.prepare("SELECT 2");
    expect(prepared).toEqual(["SELECT 1", "SELECT 2", "SELECT 3", "SELECT 2"]);
  });

  it("still sees rows written after a statement was cached", async () => {
    const db = new Kysely<{ t: { n: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    const count = async () =>
      Number((await sql<{ c: number }>`SELECT count(*) AS c FROM t`.execute(db)).rows[0]?.c);
    expect(await count()).toBe(3);
    await db.insertInto("t").values({ n: 4 }).execute();
    expect(await count()).toBe(4);
  });
});
