import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

// The command as an operator runs it: the compiled CLI (npm run build / npm ci's prepare) on a SQLite file.
const CLI = path.resolve("dist/app/cli/main.js");
const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-rebuild-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function giaoban(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const SUMMARY_TABLES = ["result_summaries", "result_term_summaries", "follow_up_counters"] as const;

function snapshot(): Record<string, unknown[]> {
  const db = new Database(path.join(dataDir, "giaoban.sqlite"), { readonly: true });
  try {
    return Object.fromEntries(
      SUMMARY_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all()]),
    );
  } finally {
    db.close();
  }
}

describe("giaoban rebuild-summaries", () => {
  it("restores the result summaries and the follow-up counters from their source rows", () => {
    giaoban("demo");
    const kept = snapshot();
    for (const table of SUMMARY_TABLES) expect(kept[table]?.length, table).toBeGreaterThan(0);

    const db = new Database(path.join(dataDir, "giaoban.sqlite"));
    for (const table of SUMMARY_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    db.close();

    const out = giaoban("rebuild-summaries");
    expect(out).toMatch(/result summaries rebuilt: \d+ units/);
    expect(out).toMatch(/follow-up counters rebuilt: \d+ rows/);
    expect(snapshot()).toEqual(kept);
  });
});
