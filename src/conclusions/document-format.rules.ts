/**
 * Which document system a notice belongs to, and the format rules in force on its date (domain.md §8).
 * The issuer decides the system, not the document type: a "Thông báo kết luận" of a Quận ủy is a Party
 * document (Hướng dẫn of the Central Party Office), one of a UBND a State document (the Government's
 * decree or the Ministry of Home Affairs' circular). Each rule set has the period it was in force; a
 * notice is printed by the one in force on its issue date, the earliest one before any began.
 */

export type DocumentSystem = "party" | "state";

export type PageNumberPlace = "header-center" | "footer-right";

export interface FormatRules {
  id: string;
  system: DocumentSystem;
  /** The instrument, as the notice page names it: "Hướng dẫn 36-HD/VPTW". */
  basis: string;
  /** Short, for a button: "HD 36-HD/VPTW". */
  short: string;
  /** First day in force (YYYY-MM-DD) and the last, or null while in force. */
  validFrom: string;
  validTo: string | null;
  /** Top right: the Party title or the national name and motto. */
  title: readonly string[];
  /** "Số 136-TB/QU" (Party, no colon) or "Số: 12/TB-UBND". */
  numberPrefix: string;
  /** The issuing body is marked with a star (Party) or underlined with a short line (State). */
  bodyMark: "star" | "line";
  /** Point sizes of the header's lines and the document type. */
  sizes: { title: number; body: number; number: number; docType: number };
  /** Page numbers, from page 2 on. */
  pageNumbers: PageNumberPlace;
  recipients: {
    heading: { size: number; bold: boolean; italics: boolean; underline: boolean };
    size: number;
  };
  /** "T/M" (Party) or "TM." (State) before the collective body; likewise K/T–KT., T/L–TL. */
  abbreviations: { on: string; for: string; by: string };
}

const PARTY_TITLE = ["ĐẢNG CỘNG SẢN VIỆT NAM"] as const;
const STATE_TITLE = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] as const;

const PARTY_COMMON = {
  system: "party",
  title: PARTY_TITLE,
  numberPrefix: "Số ",
  bodyMark: "star",
  sizes: { title: 15, body: 14, number: 14, docType: 16 },
  pageNumbers: "header-center",
  recipients: { heading: { size: 14, bold: false, italics: false, underline: true }, size: 12 },
  abbreviations: { on: "T/M", for: "K/T", by: "T/L" },
} as const;

const STATE_COMMON = {
  system: "state",
  title: STATE_TITLE,
  numberPrefix: "Số: ",
  bodyMark: "line",
  sizes: { title: 13, body: 13, number: 13, docType: 14 },
  recipients: { heading: { size: 12, bold: true, italics: true, underline: false }, size: 11 },
  abbreviations: { on: "TM.", for: "KT.", by: "TL." },
} as const;

/** Every rule set, oldest first within a system. */
export const FORMAT_RULES: readonly FormatRules[] = [
  {
    ...PARTY_COMMON,
    id: "hd-11-2004",
    basis: "Hướng dẫn 11-HD/VPTW ngày 28/5/2004",
    short: "HD 11-HD/VPTW",
    validFrom: "2004-05-28",
    validTo: "2018-04-02",
  },
  {
    ...PARTY_COMMON,
    id: "hd-36-2018",
    basis: "Hướng dẫn 36-HD/VPTW ngày 03/4/2018",
    short: "HD 36-HD/VPTW",
    validFrom: "2018-04-03",
    validTo: null,
  },
  {
    ...STATE_COMMON,
    id: "tt-01-2011",
    basis: "Thông tư 01/2011/TT-BNV",
    short: "TT 01/2011/TT-BNV",
    validFrom: "2011-03-05",
    validTo: "2020-03-04",
    // The circular let page numbers stand at the bottom right; NĐ 30 puts them at the top centre.
    pageNumbers: "footer-right",
  },
  {
    ...STATE_COMMON,
    id: "nd-30-2020",
    basis: "Nghị định 30/2020/NĐ-CP",
    short: "NĐ 30/2020/NĐ-CP",
    validFrom: "2020-03-05",
    validTo: null,
    pageNumbers: "header-center",
  },
];

/** The rule set of `system` in force on `date` (YYYY-MM-DD); before the first, the first. */
export function formatRulesFor(system: DocumentSystem, date: string): FormatRules {
  const sets = FORMAT_RULES.filter((r) => r.system === system);
  const inForce = sets.find((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo));
  return inForce ?? (sets[0] as FormatRules);
}

/** The rule set a notice is printed by: its issuer's system, in force on its date. */
export function noticeFormat(n: { issuingBody: string; issuedOn: string }): FormatRules {
  return formatRulesFor(documentSystemOf(n.issuingBody), n.issuedOn);
}

const fold = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Party bodies: a Party committee (Đảng ủy, Quận/Huyện/Tỉnh/Thành/Thị ủy, Chi bộ, Đảng bộ), its
 * Standing Committee and its boards and office ("Ban Tuyên giáo Quận ủy", "Văn phòng Tỉnh ủy"),
 * the Party's inspection committee. Everything else (UBND, HĐND, their offices, departments) is State.
 */
const PARTY_BODY =
  /(^|\s)(đảng (ủy|uỷ|bộ)|chi bộ|ban thường vụ|ban chấp hành|(quận|huyện|tỉnh|thành|thị) (ủy|uỷ)|ủy ban kiểm tra|uỷ ban kiểm tra|đảng ủy khối|đảng đoàn|ban cán sự đảng)(\s|$)/;

export function documentSystemOf(issuingBody: string): DocumentSystem {
  return PARTY_BODY.test(fold(issuingBody)) ? "party" : "state";
}

/** Vietnamese letters that mark points a), b), … (NĐ 30 and HD 36 alike: no f, j, w, z; đ after d). */
const POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split(" ");

/**
 * The marker of a sub-item: its own letter when it has one ("a", "b)"), else the letter of its place
 * among its siblings (0 → "a)"); never "1)".
 */
export function subItemMarker(number: string, index: number): string {
  const own = number
    .trim()
    .replace(/[().\s]/g, "")
    .toLowerCase();
  if (POINT_LETTERS.includes(own)) return `${own})`;
  return `${POINT_LETTERS[index] ?? `${index + 1}`})`;
}

const ABBREVIATION = /^(t\s*[/.]?\s*m|k\s*[/.]?\s*t|t\s*[/.]?\s*l|tuq)\.?\s+/i;

/** "TM. Ban Thường vụ" → "T/M BAN THƯỜNG VỤ" in a Party document, "TM. …" in a State one. */
function normaliseAuthority(text: string, rules: FormatRules): string {
  const upper = text.trim().toLocaleUpperCase("vi");
  const m = upper.match(ABBREVIATION);
  if (!m) return upper;
  const letters = (m[1] ?? "").replace(/[^A-Z]/g, "");
  const rest = upper.slice(m[0].length);
  const abbreviation =
    letters === "TM"
      ? rules.abbreviations.on
      : letters === "KT"
        ? rules.abbreviations.for
        : letters === "TL"
          ? rules.abbreviations.by
          : "TUQ.";
  return `${abbreviation} ${rest}`;
}

/** The collective body a head signs for when no authority is written, by the issuing body. */
function defaultCollective(issuingBody: string, system: DocumentSystem): string | null {
  const b = fold(issuingBody);
  if (system === "party") {
    if (/^(ban thường vụ|(quận|huyện|tỉnh|thành|thị) (ủy|uỷ))/.test(b)) return "BAN THƯỜNG VỤ";
    if (/^đảng (ủy|uỷ)/.test(b)) return "ĐẢNG ỦY";
    if (/^chi bộ/.test(b)) return "CHI BỘ";
    return null;
  }
  if (/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)/.test(b)) return "ỦY BAN NHÂN DÂN";
  if (/^(hđnd|hội đồng nhân dân|thường trực)/.test(b)) return "THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN";
  return null;
}

/** The head's title a deputy signs for: "Phó Chủ tịch" → "CHỦ TỊCH"; null for a head. */
function headOf(signerTitle: string): string | null {
  const t = signerTitle.trim().toLocaleUpperCase("vi");
  return t.startsWith("PHÓ ") ? t.slice(4) : null;
}

/**
 * The lines above the signer's name, in capitals: the authority ("T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN
 * DÂN", "KT. CHỦ TỊCH") and the signer's title. A written authority is kept, its abbreviations put in
 * the system's notation; without one, a head of a collective body signs on its behalf, and in a State
 * document a deputy signs "KT." for the head (a Party deputy signs on the committee's behalf too:
 * "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ").
 */
export function signatureLines(
  rules: FormatRules,
  n: { issuingBody: string; signingAuthority: string | null; signerTitle: string },
): string[] {
  const title = n.signerTitle.trim().toLocaleUpperCase("vi");
  const written = (n.signingAuthority ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => normaliseAuthority(l, rules));
  if (written.length > 0) return [...written, title];
  const collective = defaultCollective(n.issuingBody, rules.system);
  const head = headOf(n.signerTitle);
  const lines = collective ? [`${rules.abbreviations.on} ${collective}`] : [];
  if (rules.system === "state" && head) lines.push(`${rules.abbreviations.for} ${head}`);
  return [...lines, title];
}

/** "Quận ủy Long Biên" → "Quận ủy"; the office that keeps a Party document's copy. */
function partyOffice(issuingBody: string): string {
  const m = issuingBody.trim().match(/^((?:Quận|Huyện|Tỉnh|Thành|Thị|Đảng)\s+(?:ủy|uỷ))/iu);
  if (m?.[1]) {
    const word = m[1].toLocaleLowerCase("vi");
    return word.charAt(0).toLocaleUpperCase("vi") + word.slice(1);
  }
  return "cấp ủy";
}

/**
 * "Nơi nhận" lines, each with its leading dash; ends with the archive line if none was written: "Lưu
 * Văn phòng Quận ủy." in a Party document, "Lưu: VT." in a State one.
 */
export function recipientLines(rules: FormatRules, recipients: string | null, issuingBody: string): string[] {
  const lines = (recipients ?? "")
    .split("\n")
    .map((l) => l.trim().replace(/^[-–]\s*/, ""))
    .filter(Boolean);
  if (!lines.some((r) => /^Lưu\b/i.test(r)))
    lines.push(rules.system === "party" ? `Lưu Văn phòng ${partyOffice(issuingBody)}.` : "Lưu: VT.");
  return lines.map((l) => `- ${l}`);
}
