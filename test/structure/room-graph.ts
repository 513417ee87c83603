/**
 * The structure of src/ as rules a machine can check: which room may import which, how big a file or
 * a folder may grow, which file suffixes exist and what each means, and that no test reads outside the
 * repository. Pure: it takes the files' paths and texts and returns what breaks a rule, so the test
 * can show it catching a deliberate violation as well as checking the real tree.
 */
import path from "node:path";

/**
 * Each room and the rooms it may import (besides itself). The order is the one-way graph of the
 * README's architecture section: core is the floor, app the composition root above everything.
 */
export const ROOM_IMPORTS: Record<string, readonly string[]> = {
  core: [],
  units: ["core"],
  accounts: ["core", "units"],
  targets: ["core", "units", "accounts"],
  emulation: ["core", "units", "accounts", "targets"],
  sessions: ["core", "units", "accounts"],
  directives: ["core", "units", "accounts", "sessions"],
  documents: ["core", "units", "accounts"],
  conclusions: ["core", "units", "accounts", "sessions", "directives", "documents"],
  portal: ["core", "units", "accounts", "targets"],
  handovers: ["core", "units", "accounts", "targets", "sessions", "directives"],
  feedback: ["core", "units", "accounts"],
  // Drafts a session's news article: reads the session, its figures, conclusions and proposals.
  newsroom: [
    "core",
    "units",
    "accounts",
    "targets",
    "emulation",
    "sessions",
    "directives",
    "conclusions",
    "portal",
  ],
  demo: [
    "core",
    "units",
    "accounts",
    "targets",
    "emulation",
    "sessions",
    "directives",
    "conclusions",
    "portal",
    "handovers",
    "feedback",
    "newsroom",
    "documents",
  ],
  app: [
    "core",
    "units",
    "accounts",
    "targets",
    "emulation",
    "sessions",
    "directives",
    "conclusions",
    "portal",
    "handovers",
    "feedback",
    "newsroom",
    "documents",
    "demo",
  ],
};

/** One meaning per suffix (README, "Where code goes"). A name without a suffix is a module named for what it is. */
export const SUFFIXES: Record<string, string> = {
  routes: "HTTP handlers of pages, and a room's route registration",
  api: "JSON API handlers with their OpenAPI route definitions",
  views: "JSX components, no I/O",
  service: "use cases: transaction, authorization, audit",
  repo: "SQL, the only place it lives",
  rules: "pure logic",
  math: "pure arithmetic",
  schema: "Zod schemas",
  model: "domain types, codes and their labels",
  tables: "Kysely table types, added to DB",
  migration: "schema changes, run by the composition root",
  demo: "demo data",
  job: "a scheduled job",
  middleware: "HTTP middleware",
  extension: "an extension point that rooms above fill in",
  section: "a part this room adds to a lower room's extension point",
  xlsx: "an Excel file written or read",
  docx: "a Word file written",
  csv: "a CSV file written",
  xml: "an XML feed written",
  test: "tests",
};

export const MAX_FILES_PER_FOLDER = 40;
export const MAX_LINES_PER_FILE = 400;

export interface SourceFile {
  /** Repository-relative, with forward slashes: `src/units/units.repo.ts`. */
  path: string;
  text: string;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The room of a path under src/ ("units" for src/units/x.ts), or null for files at src/'s top. */
export function roomOf(file: string): string | null {
  const parts = file.split("/");
  return parts[0] === "src" && parts.length > 2 ? (parts[1] ?? null) : null;
}

function isTest(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

/** Every relative import of a file, resolved to a repository-relative path. */
export function importsOf(file: SourceFile): string[] {
  const found: string[] = [];
  for (const m of file.text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec) found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec)));
  }
  return found;
}

/** Imports that go up or sideways between rooms (tests included: they live in their room too). */
export function roomViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = roomOf(file.path);
    if (!from) continue;
    const allowed = ROOM_IMPORTS[from];
    if (!allowed) {
      problems.push(`${file.path}: room "${from}" is not in ROOM_IMPORTS (add it with the rooms it may use)`);
      continue;
    }
    for (const target of importsOf(file)) {
      const to = roomOf(target);
      if (!to || to === from || !target.startsWith("src/")) continue;
      // Tests may use the composition root and the demo to build a whole app around what they test.
      if (isTest(file.path) && (to === "app" || to === "demo")) continue;
      if (!allowed.includes(to))
        problems.push(`${file.path} imports ${target}: ${from} may not import ${to}`);
    }
  }
  return problems;
}

/** True when ROOM_IMPORTS itself has no cycle (a room reaching itself through the rooms it may use). */
export function roomCycles(graph: Record<string, readonly string[]> = ROOM_IMPORTS): string[] {
  const cycles: string[] = [];
  const visit = (room: string, trail: string[]) => {
    for (const next of graph[room] ?? []) {
      if (next === trail[0]) cycles.push([...trail, next].join(" → "));
      else if (!trail.includes(next)) visit(next, [...trail, next]);
    }
  };
  for (const room of Object.keys(graph)) visit(room, [room]);
  return cycles;
}

export function sizeViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  const perFolder = new Map<string, number>();
  for (const file of files) {
    const folder = path.posix.dirname(file.path);
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
    const lines = file.text.split("\n").length - (file.text.endsWith("\n") ? 1 : 0);
    if (!isTest(file.path) && lines > MAX_LINES_PER_FILE)
      problems.push(`${file.path}: ${lines} lines (at most ${MAX_LINES_PER_FILE})`);
  }
  for (const [folder, count] of perFolder)
    if (count > MAX_FILES_PER_FOLDER)
      problems.push(`${folder}: ${count} files (at most ${MAX_FILES_PER_FOLDER})`);
  return problems;
}

/** `name.suffix.ts(x)` with a known suffix, or a plain `name.ts(x)`; names are lowercase words and hyphens. */
export function suffixViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const base = path.posix.basename(file.path).replace(/\.test(?=\.tsx?$)/, "");
    const m = /^([a-z0-9][a-z0-9-]*)(?:\.([a-z0-9]+))?\.tsx?$/.exec(base);
    if (!m) problems.push(`${file.path}: name must be lowercase words with hyphens, one optional suffix`);
    else if (m[2] && !(m[2] in SUFFIXES)) problems.push(`${file.path}: unknown suffix ".${m[2]}"`);
  }
  return problems;
}

/** Tests that name a path outside the repository (the steering folder beside it, or beyond the root). */
export function outsideReads(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (!isTest(file.path) && !file.path.startsWith("test/")) continue;
    if (/\.\.\/shared\//.test(file.text)) problems.push(`${file.path}: reads ../shared`);
    for (const m of file.text.matchAll(/["'`]((?:\.\.\/)+)[^"'`]*["'`]/g)) {
      const ups = (m[1] ?? "").length / 3;
      if (ups > file.path.split("/").length - 1) problems.push(`${file.path}: ${m[0]} leaves the repository`);
    }
  }
  return problems;
}
