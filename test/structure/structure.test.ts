import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  outsideReads,
  roomCycles,
  roomViolations,
  type SourceFile,
  sizeViolations,
  suffixViolations,
} from "./room-graph.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string): SourceFile[] {
  const found: SourceFile[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...filesUnder(rel));
    else if (/\.(ts|tsx|mjs)$/.test(entry.name))
      found.push({ path: rel, text: readFileSync(path.join(ROOT, rel), "utf8") });
  }
  return found;
}

const SRC = filesUnder("src");
const TESTS = filesUnder("test");

describe("the structure of src/", () => {
  it("reads the whole tree", () => {
    expect(SRC.length).toBeGreaterThan(300);
  });

  it("has rooms that import one way: no room imports a room above it or beside it, core imports none", () => {
    expect(roomViolations(SRC)).toEqual([]);
  });

  it("declares a room graph without a cycle", () => {
    expect(roomCycles()).toEqual([]);
  });

  it("keeps files under 400 lines and folders under 40 files", () => {
    expect(sizeViolations(SRC)).toEqual([]);
  });

  it("gives every suffix one meaning", () => {
    expect(suffixViolations(SRC)).toEqual([]);
  });

  it("has tests that read nothing outside the repository", () => {
    expect(outsideReads([...SRC, ...TESTS])).toEqual([]);
  });
});

describe("the structure check itself", () => {
  const file = (p: string, text: string): SourceFile => ({ path: p, text });

  it("fails on a deliberate upward import from core into a room", () => {
    const tree = [
      file("src/core/http/x.ts", 'import { listArticles } from "../../portal/articles/articles.repo.js";\n'),
    ];
    expect(roomViolations(tree)).toEqual([
      "src/core/http/x.ts imports src/portal/articles/articles.repo.js: core may not import portal",
    ]);
  });

  it("fails on an import from a lower room into a higher one, and on one between siblings", () => {
    const tree = [
      file("src/units/a.ts", 'import { x } from "../directives/directives.repo.js";\n'),
      file("src/sessions/b.ts", 'export { y } from "../targets/entry/results.repo.js";\n'),
      file("src/directives/c.ts", 'const m = await import("../sessions/sessions.repo.js");\n'),
    ];
    expect(roomViolations(tree)).toEqual([
      "src/units/a.ts imports src/directives/directives.repo.js: units may not import directives",
      "src/sessions/b.ts imports src/targets/entry/results.repo.js: sessions may not import targets",
    ]);
  });

  it("finds a cycle in a room graph", () => {
    expect(roomCycles({ a: ["b"], b: ["c"], c: ["a"] })).toContain("a → b → c → a");
  });

  it("flags oversized files and crowded folders, unknown suffixes and reads outside the repository", () => {
    const long = file("src/units/long.ts", "x\n".repeat(401));
    const crowd = Array.from({ length: 41 }, (_, i) => file(`src/portal/many/f${i}.ts`, ""));
    expect(sizeViolations([long, ...crowd])).toEqual([
      "src/units/long.ts: 401 lines (at most 400)",
      "src/portal/many: 41 files (at most 40)",
    ]);
    expect(suffixViolations([file("src/units/units.lean.ts", ""), file("src/units/Units.ts", "")])).toEqual([
      'src/units/units.lean.ts: unknown suffix ".lean"',
      "src/units/Units.ts: name must be lowercase words with hyphens, one optional suffix",
    ]);
    // Built, not written out, so that this file does not name a path outside the repository itself.
    const away = `"${"../".repeat(3)}elsewhere/a.txt"`;
    expect(outsideReads([file("test/x/a.test.ts", `readFileSync(${away})`)])).toEqual([
      `test/x/a.test.ts: ${away} leaves the repository`,
    ]);
  });
});
