/**
 * The date of a notice found in its own text, so that unit names are read against the units that
 * existed then (a 2020 notice names the wards of 2020, not today's). In order of trust: the place and
 * date line of an official document ("Hà Nội, ngày 05 tháng 01 năm 2020"), a portal's publication line
 * ("Ngày đăng 02/01/2020 | 21:49"), then the first full date of the text ("Sáng ngày 28/3/2022, …").
 */
import { foldVietnameseKeepingLength } from "../../core/text/fold.js";
import { isoDate } from "../../directives/deadline.js";

/** A date in the text and how it was found. */
export interface NoticeDate {
  date: string;
  source: "place_line" | "published" | "first_date";
}

const DMY_WORDS = "ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s*,?\\s*nam\\s+(\\d{4})";
const DMY_DIGITS = "(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})";

const RULES: ReadonlyArray<{ source: NoticeDate["source"]; re: RegExp }> = [
  { source: "place_line", re: new RegExp(`(?:^|\\n)[^\\n,]{2,40},\\s*${DMY_WORDS}`) },
  { source: "published", re: new RegExp(`ngay (?:dang|ban hanh|dua)\\s*:?\\s*${DMY_DIGITS}`) },
  { source: "first_date", re: new RegExp(`${DMY_WORDS}|ngay\\s+${DMY_DIGITS}`) },
];

/** The notice's date (ISO) from its text, or null when it gives no full date. */
export function findNoticeDate(text: string): NoticeDate | null {
  const folded = foldVietnameseKeepingLength(text.normalize("NFC"));
  for (const { source, re } of RULES) {
    const m = re.exec(folded);
    if (!m) continue;
    const [day, month, year] = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).map(Number) as [
      number,
      number,
      number,
    ];
    const date = isoDate(year, month, day);
    if (date) return { date, source };
  }
  return null;
}
