import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/databases.js";
import type { Database } from "../../core/db/database.js";
import { tsvectorBinary, tsvectorLiteral } from "./search-tsvector.rules.js";

/**
 * The binary tsvectors a rebuild sends are, as PostgreSQL reads them, the very vectors of their text
 * literals: same lexemes, positions and weights, with and without pair lexemes.
 */

const SYLLABLES = ["thượng", "thanh", "thuong", "hộ", "nghèo", "đảng", "viên", "2020", "x", "ngưỡng"];
/** Lexemes a token never is but the encoding must carry: quotes, backslashes, a long one. */
const ODD = ["o'neil", "a\\b", "ß", "ǆ", "z".repeat(64)];

const stream = (max: number) =>
  fc.array(fc.constantFrom(...SYLLABLES, ...ODD), { maxLength: max }).map((tokens) => tokens);

describe("binary tsvectors on postgres", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await database.close();
  });

  async function sameVector(title: string[], body: string[], pairs: boolean): Promise<void> {
    const shape = { pairs };
    const { rows } = await sql<{ bin: string; lit: string; same: boolean }>`
      SELECT b::text AS bin, l::text AS lit, b = l AS same
      FROM (SELECT ${tsvectorBinary(title, body, shape)}::tsvector AS b,
                   ${tsvectorLiteral(title, body, shape)}::tsvector AS l) AS v`.execute(database.db);
    expect(rows[0]).toEqual({ bin: rows[0]?.lit, lit: rows[0]?.lit, same: true });
  }

  it("reads each binary vector as its literal, with and without pairs", async () => {
    await fc.assert(
      fc.asyncProperty(stream(12), stream(600), fc.boolean(), (title, body, pairs) =>
        sameVector(title, body, pairs),
      ),
      { numRuns: 150 },
    );
  });

  it("carries positions past 255 (both bytes of a position word), the last one, and an empty field", async () => {
    const body = Array.from({ length: 400 }, (_, i) => SYLLABLES[i % SYLLABLES.length] as string);
    await sameVector([], body, true);
    await sameVector(["thượng", "thanh"], [], true);
    await sameVector([], [], false);
    const { rows } = await sql<{ v: string }>`
      SELECT ${tsvectorBinary(["a"], ["b", "c"], { pairs: true })}::tsvector::text AS v`.execute(database.db);
    expect(rows[0]?.v).toBe("'a':1A 'b':3 'b c':3 'c':4");
    // The last position PostgreSQL keeps, and one past it refused rather than written wrong.
    const longest = Array.from({ length: 16_383 - 2 }, (_, i) => `w${i % 300}`);
    await sameVector(["t"], longest, true);
    expect(() => tsvectorBinary(["t"], [...longest, "x"], { pairs: true })).toThrow(RangeError);
  });
});
