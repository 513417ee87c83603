/**
 * The body of a notice as paragraphs, without what is not content: the header (motto, issuing body,
 * number, place and date, document type, title), the addressees ("Kính gửi: - …"), the legal basis
 * ("Căn cứ …"), quoted clauses of law ("Điều 5. …" and the list under them), photo captions and bylines
 * (short lines without a full stop), source notes in parentheses, and "Nơi nhận" with everything after
 * it (recipients, signature). Lines broken inside a sentence (text copied from a PDF or a legal site)
 * are joined back.
 */
import { foldVietnamese } from "../../core/text/fold.js";
import { parseListMarker } from "./list-markers.js";
import {
  ADDRESSEES,
  BODY_END,
  CLOSING,
  HEADER_LINES,
  LEGAL_BASIS,
  LEGAL_CLAUSE,
} from "./notice-vocabulary.model.js";

/** The cleaned body and what was seen on the way. */
export interface NoticeBody {
  paragraphs: string[];
  /** An official header (motto, "Số: …", Party line) was found: the text is a document, not news. */
  official: boolean;
  /** Paragraphs left out, for the curious (tests, the benchmark). */
  dropped: string[];
}

const SENTENCE_END = /[.;:!?…]["”»')]*$/;
const MAX_CAPTION_WORDS = 30;
/** A line at least this long that stops without punctuation was wrapped, in a hard-wrapped text. */
const WRAP_LENGTH = 30;

/** Whether a text's letters are all capitals ("THÔNG BÁO", "I. ĐÁNH GIÁ"). */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function startsLower(text: string): boolean {
  return /^[\p{Ll}\d(]/u.test(text) && parseListMarker(text) === null;
}

/**
 * Joins lines broken inside a sentence. Always when the next line starts in lower case; in a text
 * hard-wrapped throughout (a fifth of its lines or more break so), also a long line that ends without
 * punctuation before a line in upper case. A blank line, a list marker or a line in capitals never joins.
 */
export function joinWrappedLines(text: string): string[] {
  const lines = text.normalize("NFC").split(/\r?\n|\r/);
  const filled = lines.map((l) => l.trim());
  let breaks = 0;
  let nonEmpty = 0;
  for (let i = 0; i < filled.length; i += 1) {
    const line = filled[i] as string;
    if (line === "") continue;
    nonEmpty += 1;
    const next = filled[i + 1] ?? "";
    if (next !== "" && !SENTENCE_END.test(line) && startsLower(next)) breaks += 1;
  }
  const hardWrapped = nonEmpty > 0 && breaks / nonEmpty >= 0.2;
  const out: string[] = [];
  let open = false;
  for (const line of filled) {
    if (line === "") {
      open = false;
      continue;
    }
    const last = out[out.length - 1];
    const joins =
      open &&
      last !== undefined &&
      !SENTENCE_END.test(last) &&
      parseListMarker(line) === null &&
      !isAllCaps(line) &&
      !isAllCaps(last) &&
      (startsLower(line) || (hardWrapped && last.length >= WRAP_LENGTH && !/^[|*-]/.test(line)));
    if (joins) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
    open = true;
  }
  return out;
}

function isHeaderLine(folded: string): boolean {
  return HEADER_LINES.some((re) => re.test(folded));
}

/** A caption, byline, title or page label: short, unmarked, and without the punctuation that ends a sentence. */
function isLabel(text: string): boolean {
  if (parseListMarker(text) !== null || SENTENCE_END.test(text)) return false;
  return text.split(/\s+/).length <= MAX_CAPTION_WORDS;
}

/** The body of a notice or article: see the file comment. */
export function noticeBody(text: string): NoticeBody {
  const paragraphs: string[] = [];
  const dropped: string[] = [];
  let official = false;
  let inAddressees = false;
  let inLegalClause = false;
  for (const line of joinWrappedLines(text)) {
    const folded = foldVietnamese(line);
    const marker = parseListMarker(line);
    if (BODY_END.test(folded)) break;
    if (/^(cong hoa xa hoi|dang cong san viet nam|so\s*:?\s*\d)/.test(folded)) official = true;
    if (ADDRESSEES.test(folded)) {
      inAddressees = true;
      dropped.push(line);
      continue;
    }
    if (inAddressees && (marker?.kind === "dash" || marker?.kind === "plus")) {
      dropped.push(line);
      continue;
    }
    inAddressees = false;
    if (LEGAL_CLAUSE.test(folded)) {
      inLegalClause = true;
      dropped.push(line);
      continue;
    }
    if (inLegalClause && marker !== null && marker.kind !== "roman") {
      dropped.push(line);
      continue;
    }
    inLegalClause = false;
    const quoted = /^[“"«(]/.test(line) && /[”"»)][.;,]?$/.test(line);
    if (
      isHeaderLine(folded) ||
      LEGAL_BASIS.test(folded) ||
      CLOSING.test(folded) ||
      quoted ||
      (marker === null && isAllCaps(line)) ||
      isLabel(line)
    ) {
      dropped.push(line);
      continue;
    }
    paragraphs.push(line);
  }
  return { paragraphs, official, dropped };
}
