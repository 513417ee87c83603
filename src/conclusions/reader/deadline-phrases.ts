/**
 * Finds the deadline of a directive in its Vietnamese wording. Proposals only: a person confirms them.
 *
 * Conventions (documented because the wording alone does not settle them):
 * - "trước ngày 30/6/2020" is taken as the deadline day 30/6 itself, as offices read it, not 29/6.
 * - "trước tháng 3", "trước quý III", "trước năm 2021" mean before that period starts: the end of the
 *   previous month, quarter or year.
 * - A term "nhiệm kỳ 2020 – 2025" (or "giai đoạn 2020 – 2025") ends on 31/12 of its last year unless the
 *   context gives its real end (`termEnds["2020-2025"] = "2025-06-30"`, e.g. the date of the congress).
 *   A bare "nhiệm kỳ 2020 – 2025" naming a congress is not a deadline; "trong/hết/cuối nhiệm kỳ" is.
 * - "thường xuyên", "định kỳ", "hằng năm/tháng/…", "liên tục", "lâu dài" and "duy trì" (an ongoing
 *   task has no end date) are "recurring": deliberately without deadline, unlike "none" (nothing said).
 * - "trong 15 ngày" counts calendar days from the session date; "15 ngày làm việc" (working days,
 *   which depend on the year's public holidays) is left with a null date for the person.
 * - Without a year ("trước ngày 30/6", "trong quý II", "trong năm", "năm nay") the session date decides:
 *   the first such day or period ending on or after the session date. Without a session date the kind
 *   is kept and the date is null, for the person to fill in.
 * - A bare "năm 2020" counts only at the start of a clause ("năm 2020 phường xóa hết hộ nghèo"), since
 *   inside a clause it usually names a plan ("nhiệm vụ trọng tâm năm 2020").
 */
import { foldVietnameseKeepingLength } from "../../core/text/fold.js";
import {
  type Deadline,
  type DeadlineKind,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isoDate,
  parseIsoDate,
} from "../../directives/deadline.js";

/** What the wording is resolved against. */
export interface DeadlineContext {
  /** Date of the working session or notice (ISO), for phrases without a year. */
  sessionDate?: string | null;
  /** Real end of a term, keyed "2020-2025" (ISO date); otherwise 31/12 of the term's last year. */
  termEnds?: Readonly<Record<string, string>>;
}

/** A deadline found in text: where, and the clause it governs. */
export interface DeadlineMatch extends Deadline {
  /** Index of the phrase in the (NFC) text. */
  index: number;
  /** The clause around the phrase, to show which part of a long item carries the deadline. */
  clause: string;
}

/** The deadline proposed for one directive. `clause` is null when nothing was found. */
export interface ProposedDeadline extends Deadline {
  clause: string | null;
}

type Resolved = { kind: DeadlineKind; date: string | null } | null;
interface Session {
  year: number;
  month: number;
  iso: string;
}
interface Pattern {
  re: RegExp;
  resolve: (m: RegExpExecArray, session: Session | null, context: DeadlineContext) => Resolved;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const NUM = "(?<![0-9])";
const YEAR_TAIL = "(?:\\s*[/.-]\\s*|\\s+nam\\s+|\\s*,\\s*nam\\s+)(\\d{4})(?![0-9])";
const CLAUSE_START = "(?<=^|[:;,.!?()\\n]\\s*|^\\s+)";

/** Last day of the term, from the context or 31/12 of its final year. */
export function termEndDate(startYear: number, endYear: number, context: DeadlineContext = {}): string {
  const given = context.termEnds?.[`${startYear}-${endYear}`];
  return given && parseIsoDate(given) ? given : endOfYear(endYear);
}

/** Picks the year for a period written without one: the first whose end is on or after the session. */
function yearFor(session: Session | null, end: (year: number) => string | null): number | null {
  if (!session) return null;
  const thisYear = end(session.year);
  return thisYear !== null && thisYear >= session.iso ? session.year : session.year + 1;
}

function dated(kind: DeadlineKind, date: string | null): Resolved {
  return { kind, date };
}

function dayMonth(m: RegExpExecArray, session: Session | null): Resolved {
  const [day, month] = [Number(m[1]), Number(m[2])];
  const explicit = m[3] ? Number(m[3]) : yearFor(session, (y) => isoDate(y, month, day));
  if (explicit === null) return isoDate(2000, month, day) ? dated("date", null) : null;
  const date = isoDate(explicit, month, day);
  return date ? dated("date", date) : null;
}

/** Month `month` (possibly 0 = December of the previous year, for "trước tháng 1"). */
function monthEnd(year: number, month: number): string {
  return month === 0 ? endOfMonth(year - 1, 12) : endOfMonth(year, month);
}

const DATE_PREFIX =
  "(?:hoan thanh\\s+)?(?:truoc|cham nhat(?:\\s+la)?|han chot(?:\\s+la)?|xong truoc|den|trong)\\s+(?:ngay\\s+)?";
const THOI_HAN = "thoi han(?:\\s+hoan thanh)?\\s*:?\\s*(?:truoc\\s+)?(?:ngay\\s+)?";

const PATTERNS: readonly Pattern[] = [
  // trước ngày 30/6/2020, hoàn thành trước ngày 30.6.2020, chậm nhất ngày 30/6, thời hạn: 30/6/2020
  {
    re: new RegExp(
      `(?:${DATE_PREFIX}|${THOI_HAN})${NUM}(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?(?![0-9])`,
      "g",
    ),
    resolve: (m, s) => dayMonth(m, s),
  },
  // trước ngày 30 tháng 6 năm 2020
  {
    re: new RegExp(
      `(?:${DATE_PREFIX}|${THOI_HAN})${NUM}(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*,?\\s*nam\\s+(\\d{4}))?(?![0-9])`,
      "g",
    ),
    resolve: (m, s) => dayMonth(m, s),
  },
  // trong 15 ngày (kể từ ngày …): counted from the session date; working days are left to the person,
  // because public holidays move from year to year.
  {
    re: /trong(?:\s+vong|\s+thoi han)?\s+(\d{1,3})\s+ngay(\s+lam viec)?(?![a-z])/g,
    resolve: (m, s) => {
      if (!s || m[2]) return dated("date", null);
      const [y, mo, d] = s.iso.split("-").map(Number) as [number, number, number];
      return dated("date", new Date(Date.UTC(y, mo - 1, d + Number(m[1]))).toISOString().slice(0, 10));
    },
  },
  // trong tháng 3/2020, hết tháng 3 năm 2020, trước tháng 3 (= end of February)
  {
    re: new RegExp(
      `(?:hoan thanh\\s+)?(trong|cuoi|het|den het|den cuoi|truoc)\\s+thang\\s+${NUM}(\\d{1,2})(?![0-9])(?:${YEAR_TAIL})?`,
      "g",
    ),
    resolve: (m, s) => {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return null;
      const shift = m[1] === "truoc" ? 1 : 0;
      const year = m[3] ? Number(m[3]) : yearFor(s, (y) => monthEnd(y, month - shift));
      return dated("month", year === null ? null : monthEnd(year, month - shift));
    },
  },
  // trong tháng, trong tháng này, tháng tới
  {
    re: /(?:trong|cuoi|het|den het)\s+thang(?:\s+(nay|toi|sau))?(?![a-z])(?!\s*\d)/g,
    resolve: (m, s) => {
      if (!s) return dated("month", null);
      const next = m[1] === "toi" || m[1] === "sau" ? 1 : 0;
      const index = s.month - 1 + next;
      return dated("month", endOfMonth(s.year + Math.floor(index / 12), (index % 12) + 1));
    },
  },
  // trong quý II/2020, quý 2 năm 2020, trước quý III
  {
    re: new RegExp(
      `(?:(?:hoan thanh\\s+)?(trong|cuoi|het|den het|den cuoi|truoc)\\s+)?(?<![a-z])quy\\s+(iv|i{1,3}|[1-4])(?![a-z0-9])(?:${YEAR_TAIL})?`,
      "g",
    ),
    resolve: (m, s) => {
      const quarter = ROMAN[m[2] ?? ""] ?? Number(m[2]);
      const shift = m[1] === "truoc" ? 1 : 0;
      const end = (y: number) =>
        quarter - shift === 0 ? endOfYear(y - 1) : endOfQuarter(y, quarter - shift);
      const year = m[3] ? Number(m[3]) : yearFor(s, end);
      return dated("quarter", year === null ? null : end(year));
    },
  },
  // trong năm 2020, đến hết năm 2020, đến năm 2025, trước năm 2021 (= end of 2020)
  {
    re: /(?:hoan thanh\s+)?(trong|cuoi|het|den het|den cuoi|den|ngay trong|truoc)\s+nam\s+(\d{4})(?![0-9]|\s*[-–—]\s*\d)/g,
    resolve: (m) => dated("year", endOfYear(Number(m[2]) - (m[1] === "truoc" ? 1 : 0))),
  },
  // trong năm, trong năm nay, năm nay, năm tới
  {
    re: /(?:(?:trong|cuoi|het|den het|den cuoi)\s+nam(?:\s+(nay|toi|sau))?|(?<![a-z])nam\s+(nay|toi))(?![a-z])(?!\s*\d)(?!\s+hoc)/g,
    resolve: (m, s) => {
      if (!s) return dated("year", null);
      const next = m[1] === "toi" || m[1] === "sau" || m[2] === "toi" ? 1 : 0;
      return dated("year", endOfYear(s.year + next));
    },
  },
  // năm 2020 at the start of a clause: "năm 2020 phường xóa hết hộ nghèo"
  {
    re: new RegExp(`${CLAUSE_START}nam\\s+(\\d{4})(?![0-9])(?!\\s*[-–—,])`, "g"),
    resolve: (m) => dated("year", endOfYear(Number(m[1]))),
  },
  // trong nhiệm kỳ 2020 - 2025, hết giai đoạn 2020–2025
  {
    re: /(?:hoan thanh\s+)?(?:trong|cuoi|het|den het|den cuoi|ca)\s+(?:nhiem ky|giai doan)\s+(\d{4})\s*[-–—]\s*(\d{4})(?![0-9])/g,
    resolve: (m, _s, c) => {
      const [start, end] = [Number(m[1]), Number(m[2])];
      return end > start ? dated("term", termEndDate(start, end, c)) : null;
    },
  },
  // trong nhiệm kỳ (no years): a term deadline the person has to place
  {
    re: /(?:trong|cuoi|het|den het|den cuoi)\s+nhiem ky(?![a-z])(?!\s*(?:\d|moi|toi|sau|[ivx]+\b))/g,
    resolve: () => dated("term", null),
  },
  // thường xuyên, định kỳ, hằng năm, liên tục, lâu dài, duy trì; not "kế hoạch … hằng năm", "khiếu kiện lâu dài"
  {
    re: /(?<![a-z])(?:thuong xuyen|dinh ky|hang (?:ngay|tuan|thang|quy|nam)|lien tuc|lau dai|duy tri)(?![a-z])/g,
    resolve: (m) => (describesANoun(m) ? null : dated("recurring", null)),
  },
  // ngay sau khi kết thúc Đại hội, trước khi trình Chính phủ, tại kỳ họp thứ 6: tied to an event, the
  // person places the date
  {
    re: /(?<![a-z])(?:ngay sau(?: khi)?|truoc khi|tai (?:ky hop|phien hop|hoi nghi))\s+[^,;.:()\n]{3,50}/g,
    resolve: () => dated("date", null),
  },
];

/** Nouns a recurring word may describe rather than the task: "nhiệm vụ … hằng năm", "khiếu kiện lâu dài". */
const DESCRIBED_NOUNS =
  /(ke hoach|nhiem vu|chi tieu|kinh te - xa hoi|khieu kien|khieu nai|van de|bao cao tai chinh)[^,;.]{0,40}$/;

function describesANoun(m: RegExpExecArray): boolean {
  return (
    /^(hang|lau dai)/.test(m[0]) && DESCRIBED_NOUNS.test(m.input.slice(Math.max(0, m.index - 60), m.index))
  );
}

/** The clause (between . ; : ! ? or line breaks) around [start, end) of the text. */
function clauseAround(text: string, start: number, end: number): string {
  const isBoundary = (i: number): boolean => {
    const ch = text[i] ?? "";
    if (/[;:!?\n]/.test(ch)) return true;
    // A full stop ends a clause only before a space or the end: "30.6.2020" is one date.
    return ch === "." && (i + 1 >= text.length || /\s/.test(text[i + 1] ?? ""));
  };
  let from = start;
  while (from > 0 && !isBoundary(from - 1)) from -= 1;
  let to = end;
  while (to < text.length && !isBoundary(to)) to += 1;
  return text.slice(from, to).trim();
}

function sessionOf(context: DeadlineContext): Session | null {
  const parts = context.sessionDate ? parseIsoDate(context.sessionDate) : null;
  return parts && context.sessionDate
    ? { year: parts.year, month: parts.month, iso: context.sessionDate }
    : null;
}

/**
 * Every deadline phrase in `text`, in text order, overlapping matches reduced to the longest. The text
 * may be NFC or NFD; positions refer to its NFC form, and phrases are cut from it with their accents.
 * Impossible dates (31/2/2020) are skipped. See the file comment for the conventions.
 */
export function findDeadlinePhrases(text: string, context: DeadlineContext = {}): DeadlineMatch[] {
  const original = text.normalize("NFC");
  const folded = foldVietnameseKeepingLength(original);
  const session = sessionOf(context);
  const found: DeadlineMatch[] = [];
  for (const { re, resolve } of PATTERNS) {
    for (const m of folded.matchAll(re)) {
      const resolved = resolve(m as RegExpExecArray, session, context);
      if (!resolved) continue;
      const end = m.index + m[0].length;
      found.push({
        ...resolved,
        phrase: original.slice(m.index, end),
        index: m.index,
        clause: clauseAround(original, m.index, end),
      });
    }
  }
  found.sort((a, b) => a.index - b.index || (b.phrase?.length ?? 0) - (a.phrase?.length ?? 0));
  const kept: DeadlineMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.index < last.index + (last.phrase?.length ?? 0)) continue;
    kept.push(match);
  }
  return kept;
}

const SPECIFICITY: Record<DeadlineKind, number> = {
  date: 0,
  month: 1,
  quarter: 2,
  year: 3,
  term: 4,
  recurring: 5,
  none: 6,
};

/**
 * The single deadline to propose for a directive:
 * 1. among phrases with a resolved date, the earliest (the first to fall due binds the follow-up), the
 *    more specific kind winning a tie (date before month before quarter before year before term);
 * 2. otherwise the first dated phrase that could not be placed (date null);
 * 3. otherwise "recurring" when the task is ongoing;
 * 4. otherwise kind "none" with null date, phrase and clause.
 */
export function proposeDeadline(text: string, context: DeadlineContext = {}): ProposedDeadline {
  const matches = findDeadlinePhrases(text, context);
  const pick = (m: DeadlineMatch): ProposedDeadline => ({
    kind: m.kind,
    date: m.date,
    phrase: m.phrase,
    clause: m.clause,
  });
  // "cuối tháng 3 và trong tháng 4/2022": a span ends with its last phrase.
  const spans = matches.filter((m, i) => {
    const next = matches[i + 1];
    if (!next || m.date === null || next.date === null) return true;
    const gap = text.normalize("NFC").slice(m.index + (m.phrase?.length ?? 0), next.index);
    return !/^\s*(và|đến|tới|-|–)\s*$/u.test(gap);
  });
  const resolved = spans
    .filter((m) => m.date !== null)
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || SPECIFICITY[a.kind] - SPECIFICITY[b.kind]);
  const first = resolved[0] ?? matches.find((m) => m.kind !== "recurring") ?? matches[0];
  return first ? pick(first) : { kind: "none", date: null, phrase: null, clause: null };
}
