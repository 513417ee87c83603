/**
 * The number and date an imported notice states in its header, to fill the review's header fields:
 * "Số 136-TB/QU" (Party) or "Số: 12/TB-UBND" (State), and "Long Biên, ngày 05 tháng 01 năm 2020".
 * Only the first lines are read (the body quotes other documents' numbers and dates).
 */

const HEADER_LINES = 20;
const NUMBER = /(?:^|\s)Số\s*:?\s*(\d{1,6}\s*[-/]\s*[A-ZĐ][A-ZĐ0-9]*(?:\s*[-/]\s*[A-ZĐ0-9]+)*)/u;
const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

export function noticeHeaderHints(text: string): { number?: string; issuedOn?: string } {
  const head = text.split("\n").slice(0, HEADER_LINES).join("\n");
  const hints: { number?: string; issuedOn?: string } = {};
  const number = head.match(NUMBER)?.[1];
  if (number) hints.number = number.replace(/\s+/g, "");
  const date = head.match(DATE);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const real = new Date(`${iso}T00:00:00Z`);
    if (real.getUTCDate() === d && real.getUTCMonth() + 1 === m) hints.issuedOn = iso;
  }
  return hints;
}
