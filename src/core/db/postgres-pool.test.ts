import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../../../test/support/databases.js";
import { openDatabase } from "./database.js";

describe("the PostgreSQL pool", () => {
  it("survives a connection the server ends while idle, and the next query works", async () => {
    const url = await createPostgresDatabase();
    const errors: Error[] = [];
    const database = await openDatabase(
      { kind: "postgres", url },
      { poolSize: 2, onIdleError: (e) => errors.push(e) },
    );
    const other = await openDatabase({ kind: "postgres", url }, { poolSize: 1 });
    try {
      const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db)).rows[0]
        ?.pid;
      // The connection is back in the pool, idle; the server now ends it (as a restart would).
      await sql`SELECT pg_terminate_backend(${pid})`.execute(other.db);
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      const after = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
      expect(after.rows[0]?.one).toBe(1);
    } finally {
      await other.close();
      await database.close();
    }
  });
});
