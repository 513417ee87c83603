/**
 * Finds who leads a directive and who coordinates, from the wording of a conclusion item:
 * "Giao [X] chủ trì, phối hợp với [Y], [Z] …", "[X] chủ động …", "phối hợp với các phòng ban chuyên môn
 * quận", "giao UBND phường phối hợp với các phòng, ban liên quan quận". Names are matched against the
 * registry; names it does not know are still returned (unitId null) for a person to pick the unit.
 *
 * Where a name ends is guessed: registered names are taken whole; otherwise a name starts with a
 * unit word (Phòng, Ban, UBND, Đảng ủy, phường…) and runs until punctuation or a lower-case verb or
 * preposition ("rà soát", "trong"). Capitalised words continue it, so "Phòng Quản lý đô thị" stays
 * whole but an unregistered "Đội trật tự xây dựng" stops before "xây dựng": register such names.
 * Text typed without any accent is matched on folded words, which is looser ("phuong" may be phương).
 */
import { foldVietnamese, hasVietnameseDiacritics } from "../../core/text/fold.js";
import {
  type CompiledRegistry,
  compileRegistry,
  keyParts,
  longestNameAt,
  matchUnitName,
  type Token,
  tokenize,
  type UnitEntry,
  type UnitRef,
} from "./unit-registry.js";
import {
  ASSIGNING_SUBJECT_VERBS,
  HEADS,
  LEVEL_WORDS,
  NOT_A_HEAD,
  STANDALONE,
  STOP_PAIRS,
  STOP_WORDS_ACCENTED,
  STOP_WORDS_FOLDED,
  SUBJECT_VERBS,
} from "./unit-vocabulary.js";

/** Lead (chủ trì) and coordinating (phối hợp) units of one directive. */
export interface ResponsibleUnits {
  leadUnit: UnitRef | null;
  coordinatingUnits: UnitRef[];
  /** How the lead was found: named after an assigning verb, or as the subject of a clause. */
  leadBy?: "assignment" | "subject";
}

const CLAUSE_BREAKS = new Set([".", ";", ":", "!", "?", "(", ")", "\n"]);
const MAX_NAME_TOKENS = 12;

interface Reader {
  tokens: Token[];
  registry: CompiledRegistry;
  accents: boolean;
}

function isWord(r: Reader, i: number, ...folds: string[]): boolean {
  return folds.every((f, j) => r.tokens[i + j]?.word === true && r.tokens[i + j]?.fold === f);
}

/** The stop (two words first, then one) at token i, folded, or null; capitalised words never stop. */
function stopAt(r: Reader, i: number): string | null {
  const t = r.tokens[i];
  if (!t?.word || t.capital) return null;
  const next = r.tokens[i + 1];
  const pair = next?.word ? `${t.fold} ${next.fold}` : "";
  if (STOP_PAIRS.has(pair)) return pair;
  // "có" (has) stops a name, except in "có liên quan" ("các phòng, ban có liên quan").
  if (t.fold === "co" && (!r.accents || t.lower === "có")) return next?.fold === "lien" ? null : "co";
  const single = r.accents ? STOP_WORDS_ACCENTED.has(t.lower) : STOP_WORDS_FOLDED.has(t.fold);
  return single ? t.fold : null;
}

/** Length in tokens of the longest unit head at i ("ủy ban kiểm tra" before "ủy ban"), or 0. */
function headAt(r: Reader, i: number): number {
  let longest = 0;
  for (const head of HEADS) {
    const words = r.accents ? head.lower : head.fold;
    if (words.length <= longest) continue;
    const fits = words.every((w, j) => {
      const t = r.tokens[i + j];
      return t?.word === true && (r.accents ? t.lower : t.fold) === w;
    });
    if (!fits) continue;
    const excluded = NOT_A_HEAD[head.lower.join(" ")];
    if (words.length === 1 && excluded?.includes(r.tokens[i + 1]?.fold ?? "")) continue;
    longest = words.length;
  }
  return longest;
}

/** Whether a unit name can start at token i (after an optional "các"/"những"). */
function startsUnit(r: Reader, i: number): boolean {
  const j = isWord(r, i, "cac") || isWord(r, i, "nhung") ? i + 1 : i;
  return headAt(r, j) > 0 || registryAt(r, j) !== null;
}

function registryAt(r: Reader, i: number): { end: number } | null {
  const parts = keyParts(r.tokens, i, Math.min(r.tokens.length, i + MAX_NAME_TOKENS + 4));
  const found = longestNameAt(parts, 0, r.registry);
  if (!found) return null;
  return { end: (parts[found.length - 1]?.token ?? i) + 1 };
}

/**
 * Reads one unit name starting at token i; returns it with the index after it, or null when no name
 * starts there. Registered names are taken whole unless a capitalised word follows (the text names
 * something more specific, "UBND phường Ngọc Thụy").
 */
function readUnit(r: Reader, i: number, text: string): { ref: UnitRef; end: number; extra: number } | null {
  const j = isWord(r, i, "cac") || isWord(r, i, "nhung") ? i + 1 : i;
  const known = registryAt(r, j);
  const cut = (end: number) => text.slice(r.tokens[i]?.start, r.tokens[end - 1]?.end);
  if (known && !r.tokens[known.end]?.capital) {
    return { ref: matchUnitName(cut(known.end), r.registry), end: known.end, extra: 1 };
  }
  const head = headAt(r, j);
  if (head === 0 && !known) return null;
  let k = j + Math.max(head, 1);
  while (k < r.tokens.length && k - j < MAX_NAME_TOKENS) {
    const t = r.tokens[k] as Token;
    const onlyHeads = k - j === head;
    if (!t.word) {
      const next = r.tokens[k + 1];
      if (["-", "–", "—", "&", "/"].includes(t.text) && next?.word) k += 1;
      // "các phòng, ban liên quan": a bare plural head joined to the next head is one group.
      else if (t.text === "," && onlyHeads && j > i && headAt(r, k + 1) > 0) k += 1;
      else break;
      continue;
    }
    if (t.fold === "va" || t.fold === "cung" || t.fold === "voi") {
      // "Tài nguyên và Môi trường" continues a name; "và Phòng Y tế" starts another one.
      if (!startsUnit(r, k + 1) && r.tokens[k + 1]?.capital) k += 1;
      else break;
      continue;
    }
    if (stopAt(r, k) !== null) break;
    // "…quân sự phường giữ gìn": after the ward or district, only a proper name, a number or "ủy" continues.
    const prev = r.tokens[k - 1];
    // "… thành phố trực thuộc Trung ương" continues after the level word.
    const attached = t.fold === "truc" && r.tokens[k + 1]?.fold === "thuoc";
    if (attached) {
      k += 2;
      continue;
    }
    const continues = t.capital || /^\d/.test(t.text) || ["ủy", "uỷ"].includes(t.lower);
    if (r.accents && prev && LEVEL_WORDS.has(prev.lower) && !continues) break;
    k += 1;
  }
  return { ref: matchUnitName(cut(k), r.registry), end: k, extra: k - j - head };
}

/** Reads "Y, Z và W" after "phối hợp với": names separated by commas, "và", "cùng". */
function readUnitList(r: Reader, i: number, text: string): { refs: UnitRef[]; end: number } {
  const refs: UnitRef[] = [];
  let k = i;
  for (;;) {
    const unit = readUnit(r, k, text);
    if (!unit) break;
    refs.push(unit.ref);
    k = unit.end;
    const sep = r.tokens[k];
    const gap = sep && (sep.text === "," || sep.fold === "va" || sep.fold === "cung") ? 1 : 0;
    const after = gap + (isWord(r, k + gap, "voi") ? 1 : 0);
    if (gap === 0 || !startsUnit(r, k + after)) break;
    k += after;
  }
  return { refs, end: k };
}

/** Clause breaks, and the comma after an opening phrase ("Theo đó, Bộ Tài chính chủ trì…"). */
function isClauseStart(r: Reader, i: number): boolean {
  const prev = r.tokens[i - 1];
  return i === 0 || (prev !== undefined && !prev.word && (CLAUSE_BREAKS.has(prev.text) || prev.text === ","));
}

/** Words after "giao" that make it part of another word: giao thông, giao lưu, giao ban… */
const NOT_GIAO = new Set([
  "thong",
  "luu",
  "dich",
  "ban",
  "tiep",
  "dat",
  "khoan",
  "nhan",
  "thuong",
  "hang",
  "ket",
]);
/** What follows "ban" in the names of boards ("ban thường vụ", "ban chỉ đạo"), folded. */
const BOARDS = new Set([
  "thuong vu",
  "chi dao",
  "tuyen giao",
  "to chuc",
  "dan van",
  "kiem tra",
  "quan ly",
  "chap hanh",
  "cong tac",
  "thuong truc",
  "noi chinh",
]);
/** Words before "giao" that make it a noun or a passive: bàn giao, chuyển giao, được giao. */
const NOT_GIAO_AFTER = new Set(["ban", "chuyen", "duoc", "bi", "da", "viec"]);
/** Words before "yêu cầu / đề nghị" that make them nouns: "đơn đề nghị", "theo đề nghị", "các yêu cầu". */
const NOT_ASKING_AFTER = new Set(["don", "theo", "xet", "cac", "nhung", "so", "cua", "voi"]);

/**
 * Tokens taken by an assigning verb at i, or 0: "giao", "giao cho", "giao nhiệm vụ cho", "yêu cầu",
 * "đề nghị", "kiến nghị", "chỉ đạo cho", "phân công (cho)". The party named after it leads.
 */
function assignAt(r: Reader, i: number): number {
  const prev = r.tokens[i - 1]?.word ? (r.tokens[i - 1]?.fold ?? "") : "";
  const t = r.tokens[i];
  let n = 0;
  if (t?.word && (r.accents ? t.lower === "giao" : t.fold === "giao")) {
    const next = r.tokens[i + 1];
    // "giao ban" is a briefing, "giao Ban Tuyên giáo" or "giao ban thường vụ các tỉnh ủy" an assignment.
    const board =
      next?.fold === "ban" && BOARDS.has(`${r.tokens[i + 2]?.fold ?? ""} ${r.tokens[i + 3]?.fold ?? ""}`);
    if (NOT_GIAO_AFTER.has(prev) || (NOT_GIAO.has(next?.fold ?? "") && !next?.capital && !board)) return 0;
    n = 1 + (isWord(r, i + 1, "nhiem", "vu") ? 2 : 0);
  } else if (isWord(r, i, "chi", "dao", "cho")) {
    return 3;
  } else if (
    (isWord(r, i, "yeu", "cau") || isWord(r, i, "de", "nghi") || isWord(r, i, "kien", "nghi")) &&
    !NOT_ASKING_AFTER.has(prev)
  ) {
    n = 2;
  } else if (isWord(r, i, "phan", "cong")) {
    n = 2;
  }
  if (n > 0 && isWord(r, i + n, "cho")) n += 1;
  return n;
}

/** One party for a list of names: the name itself when there is one, else the whole span as written. */
function partyOf(r: Reader, text: string, from: number, list: { refs: UnitRef[]; end: number }): UnitRef {
  if (list.refs.length === 1) return list.refs[0] as UnitRef;
  const span = text.slice(r.tokens[from]?.start, r.tokens[list.end - 1]?.end).trim();
  return { text: span, unitId: null, candidateIds: [...new Set(list.refs.flatMap((u) => u.candidateIds))] };
}

/** The parties named right after an assigning verb ending before token `at`; skips ", trong năm 2020," first. */
function assigneeAt(r: Reader, at: number, text: string): UnitRef | null {
  let k = at;
  if (r.tokens[k]?.text === ",") {
    const close = r.tokens.findIndex((t, j) => j > k && j <= k + 10 && t.text === ",");
    if (close > 0) k = close + 1;
  }
  const list = readUnitList(r, k, text);
  return list.refs.length > 0 ? partyOf(r, text, k, list) : null;
}

/**
 * The subject of a clause starting at i when a verb of SUBJECT_VERBS follows it, or null; `assigned`
 * when the verb assigns and the party after it is returned instead ("X yêu cầu Y …").
 */
function subjectAt(r: Reader, i: number, text: string): { ref: UnitRef; assigned: boolean } | null {
  const list = readUnitList(r, i, text);
  const first = list.refs[0];
  if (!first) return null;
  const verb = stopAt(r, list.end);
  if (!verb || !SUBJECT_VERBS.has(verb)) return null;
  const unit = readUnit(r, i, text);
  const specific =
    list.refs.length > 1 ||
    first.unitId !== null ||
    (unit !== null && unit.extra > 0) ||
    STANDALONE.has(r.accents ? first.text.toLowerCase() : foldVietnamese(first.text)) ||
    STANDALONE.has(
      (r.accents ? first.text.toLowerCase() : foldVietnamese(first.text)).replace(/^(các|cac) /, ""),
    );
  if (!specific) return null;
  if (ASSIGNING_SUBJECT_VERBS.has(verb)) {
    // "X yêu cầu Y …" leads with Y; "X yêu cầu:" names who asks, not who acts; "X giao chi tiết …" acts.
    const taken = assignAt(r, list.end);
    const assignee = taken > 0 ? assigneeAt(r, list.end + taken, text) : null;
    if (assignee) return { ref: assignee, assigned: true };
    if (verb !== "giao") return null;
  }
  return { ref: partyOf(r, text, i, list), assigned: false };
}

/**
 * The party a whole heading names ("Bộ Tài chính:", "2. Giao phòng Tài nguyên và Môi trường huyện:"
 * after its verb), or null when the heading says more than a name.
 */
export function partyHeading(
  text: string,
  units: readonly UnitEntry[] | CompiledRegistry = [],
): UnitRef | null {
  const nfc = text.normalize("NFC").replace(/\s*:\s*$/, "");
  const r: Reader = {
    tokens: tokenize(nfc),
    registry: "names" in units ? units : compileRegistry(units),
    accents: hasVietnameseDiacritics(nfc),
  };
  const list = readUnitList(r, 0, nfc);
  return list.refs.length > 0 && list.end === r.tokens.length ? partyOf(r, nfc, 0, list) : null;
}

/**
 * The lead and coordinating units named in a directive's text.
 * - Lead: the first of "giao (nhiệm vụ) (cho) [X]", "yêu cầu / đề nghị / kiến nghị / chỉ đạo cho / phân công
 *   [X]" (a parenthesis ", 6 tháng cuối năm," after the verb is skipped), or "[X] chủ trì / chủ động /
 *   tiếp tục / tập trung / phối hợp / phải / cần …" at the start of a clause or after an opening phrase's
 *   comma (X must be registered, name more than its unit word, or be phường/xã/ấp/chi bộ…, so "Lãnh đạo
 *   thực hiện" is not read as a unit). "[X] giao / yêu cầu [Y]" leads with Y; "[X] giao …" without a party
 *   after it leads with X. Several names ("Các ngành và các đơn vị") make one party, as written.
 * - Coordinating: every name after "phối hợp (chặt chẽ) (với|cùng)", in order, without repeats or the lead.
 * `units` may be the raw registry or one compiled with compileRegistry() for reuse.
 */
export function findResponsibleUnits(
  text: string,
  units: readonly UnitEntry[] | CompiledRegistry = [],
): ResponsibleUnits {
  const nfc = text.normalize("NFC");
  const r: Reader = {
    tokens: tokenize(nfc),
    registry: "names" in units ? units : compileRegistry(units),
    accents: hasVietnameseDiacritics(nfc),
  };
  let leadUnit: UnitRef | null = null;
  let leadBy: ResponsibleUnits["leadBy"];
  const coordinating: UnitRef[] = [];
  for (let i = 0; i < r.tokens.length; i += 1) {
    const taken = leadUnit ? 0 : assignAt(r, i);
    if (taken > 0) {
      leadUnit = assigneeAt(r, i + taken, nfc);
      if (leadUnit) leadBy = "assignment";
    } else if (!leadUnit && isClauseStart(r, i)) {
      const subject = subjectAt(r, i, nfc);
      leadUnit = subject?.ref ?? null;
      if (subject) leadBy = subject.assigned ? "assignment" : "subject";
    }
    if (isWord(r, i, "phoi", "hop")) {
      let k = i + 2;
      if (isWord(r, k, "chat", "che")) k += 2;
      if (isWord(r, k, "voi") || isWord(r, k, "cung")) k += 1;
      if (isWord(r, k, "voi")) k += 1;
      const list = readUnitList(r, k, nfc);
      coordinating.push(...list.refs);
      i = Math.max(i, list.end - 1);
    }
  }
  const seen = new Set<string>(leadUnit ? [refKey(leadUnit)] : []);
  const coordinatingUnits = coordinating.filter((ref) => {
    const key = refKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return leadBy ? { leadUnit, coordinatingUnits, leadBy } : { leadUnit, coordinatingUnits };
}

function refKey(ref: UnitRef): string {
  return ref.unitId !== null ? `id:${ref.unitId}` : `text:${ref.text.toLowerCase()}`;
}
