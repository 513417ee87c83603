/**
 * Matching unit names written in a conclusion ("UBND phường", "Phòng Tài nguyên và Môi trường",
 * "phòng TN&MT") against the registry of units the caller passes in. Names are compared on folded
 * words (accents dropped, đ → d), with the common abbreviations spelled out, "và" ignored and dashes
 * ignored, so "Ủy ban nhân dân phường" = "UBND phường" and "Tài chính – Kế hoạch" = "Tài chính - Kế hoạch".
 */
import { foldVietnamese } from "../../core/text/fold.js";

export type UnitId = string | number;

/** A unit the reader may recognise: its official name and the other ways people write it. */
export interface UnitEntry {
  id: UnitId;
  name: string;
  aliases?: readonly string[];
}

/**
 * A unit named in the text. `unitId` is set only when exactly one registry unit has that name or
 * alias; otherwise it is null and `candidateIds` lists the units that partly or ambiguously match (the
 * first choices to offer the person), possibly none.
 */
export interface UnitRef {
  text: string;
  unitId: UnitId | null;
  candidateIds: UnitId[];
}

/** A word or punctuation mark of the text, with its folded form and position. */
export interface Token {
  text: string;
  /** Lower case with accents (NFC), to tell "phường" from "phương". */
  lower: string;
  /** Folded (no accents, đ → d). */
  fold: string;
  start: number;
  end: number;
  word: boolean;
  /** Starts with a capital letter: proper names continue with capitals ("Phòng Kinh tế"). */
  capital: boolean;
}

/**
 * Splits NFC text into words (letters and digits, keeping "Đ/c" and "TN&MT" whole) and single
 * punctuation marks; a line break is kept as a "\n" token because it ends a clause.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[/&][\p{L}\p{N}]+)*|\n|[^\s\p{L}\p{N}]/gu)) {
    const t = m[0];
    const word = /^[\p{L}\p{N}]/u.test(t);
    tokens.push({
      text: t,
      lower: t.toLowerCase(),
      fold: foldVietnamese(t),
      start: m.index,
      end: m.index + t.length,
      word,
      capital: word && /^\p{Lu}/u.test(t),
    });
  }
  return tokens;
}

/** Abbreviations spelled out before comparing names (folded). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ubnd: "uy ban nhan dan",
  hdnd: "hoi dong nhan dan",
  mttq: "mat tran to quoc",
  ubmttq: "uy ban mat tran to quoc",
  ub: "uy ban",
  "d/c": "dong chi",
  tp: "thanh pho",
  tdp: "to dan pho",
  pccc: "phong chay chua chay",
  cand: "cong an nhan dan",
  "tn&mt": "tai nguyen moi truong",
  tnmt: "tai nguyen moi truong",
  "gd&dt": "giao duc dao tao",
  gddt: "giao duc dao tao",
  "vh&tt": "van hoa thong tin",
  vhtt: "van hoa thong tin",
  "ld-tb&xh": "lao dong thuong binh xa hoi",
  ldtbxh: "lao dong thuong binh xa hoi",
  qldt: "quan ly do thi",
  tckh: "tai chinh ke hoach",
};

/** Punctuation that may sit inside a name and is ignored when comparing. */
const INNER_PUNCTUATION = new Set(["-", "–", "—", "&", "/", "."]);
/** A key that matches nothing: other punctuation stops a name. */
const BARRIER = "|";

/** A comparison key with the index of the token it came from. */
export interface KeyPart {
  key: string;
  token: number;
}

/** Comparison keys of tokens [from, to): see the file comment. */
export function keyParts(tokens: readonly Token[], from = 0, to = tokens.length): KeyPart[] {
  const parts: KeyPart[] = [];
  for (let i = from; i < to; i += 1) {
    const t = tokens[i] as Token;
    if (!t.word) {
      if (!INNER_PUNCTUATION.has(t.text)) parts.push({ key: BARRIER, token: i });
      continue;
    }
    if (t.fold === "va") continue;
    const spelled = ABBREVIATIONS[t.fold] ?? t.fold;
    for (const key of spelled.split(" ")) parts.push({ key, token: i });
  }
  return parts;
}

/** The comparison key of a name, as words joined by spaces: "UBND phường" → "uy ban nhan dan phuong". */
export function unitNameKey(name: string): string {
  return keyParts(tokenize(name.normalize("NFC")))
    .map((p) => p.key)
    .filter((k) => k !== BARRIER)
    .join(" ");
}

/** A registry prepared for matching: every name and alias as a key. */
export interface CompiledRegistry {
  names: ReadonlyArray<{ id: UnitId; key: readonly string[] }>;
}

/** Prepares the registry once for many lookups. Empty names are ignored. */
export function compileRegistry(units: readonly UnitEntry[]): CompiledRegistry {
  const names: Array<{ id: UnitId; key: string[] }> = [];
  for (const unit of units) {
    for (const name of [unit.name, ...(unit.aliases ?? [])]) {
      const key = unitNameKey(name);
      if (key !== "") names.push({ id: unit.id, key: key.split(" ") });
    }
  }
  return { names };
}

function unique(ids: readonly UnitId[]): UnitId[] {
  return [...new Set(ids)];
}

/**
 * The longest registry name starting at key position `at` of `parts`: how many keys it covers and the
 * ids of every unit having a name of that length there (more than one means ambiguous). Null if none.
 */
export function longestNameAt(
  parts: readonly KeyPart[],
  at: number,
  registry: CompiledRegistry,
): { length: number; ids: UnitId[] } | null {
  let best: { length: number; ids: UnitId[] } | null = null;
  for (const { id, key } of registry.names) {
    if (key.length === 0 || at + key.length > parts.length) continue;
    if (!key.every((k, j) => parts[at + j]?.key === k)) continue;
    if (!best || key.length > best.length) best = { length: key.length, ids: [id] };
    else if (key.length === best.length) best.ids.push(id);
  }
  return best && { length: best.length, ids: unique(best.ids) };
}

/**
 * Resolves a whole name (as written in a conclusion or typed by a person) against the registry.
 * Exact key match (ignoring a leading "các"/"những") gives the unit when exactly one unit has it; an
 * ambiguous exact match or names that begin with a registry name ("UBND phường Thượng Thanh" when only
 * "UBND phường" is known) are offered as candidates with unitId null.
 */
export function matchUnitName(text: string, registry: readonly UnitEntry[] | CompiledRegistry): UnitRef {
  const compiled = "names" in registry ? registry : compileRegistry(registry);
  const trimmed = text.trim();
  const key = unitNameKey(trimmed)
    .replace(/^(cac|nhung) /, "")
    .split(" ");
  const exact = unique(compiled.names.filter((n) => n.key.join(" ") === key.join(" ")).map((n) => n.id));
  if (exact.length === 1) return { text: trimmed, unitId: exact[0] as UnitId, candidateIds: [] };
  if (exact.length > 1) return { text: trimmed, unitId: null, candidateIds: exact };
  const prefixes = compiled.names
    .filter((n) => n.key.length < key.length && n.key.every((k, j) => key[j] === k))
    .sort((a, b) => b.key.length - a.key.length)
    .map((n) => n.id);
  return { text: trimmed, unitId: null, candidateIds: unique(prefixes) };
}
