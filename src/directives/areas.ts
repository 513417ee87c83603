/**
 * Areas (lĩnh vực) of conclusion items: a fixed list of codes with Vietnamese labels, and the reading
 * of an item's heading ("Về phát triển kinh tế :", "Công tác quản lý đô thị:") into one of them.
 */
import { foldVietnamese } from "../core/text/fold.js";

export const AREA_CODES = [
  "economy",
  "urban_management",
  "land",
  "administrative_reform",
  "culture_society",
  "education",
  "fire_prevention",
  "party_building",
  "proposals",
  "other",
] as const;
export type AreaCode = (typeof AREA_CODES)[number];

/** Vietnamese label of each area, as printed in lists and reports. */
export const AREA_LABELS: Readonly<Record<AreaCode, string>> = {
  economy: "Phát triển kinh tế",
  urban_management: "Quản lý đô thị",
  land: "Quản lý đất đai",
  administrative_reform: "Cải cách hành chính",
  culture_society: "Văn hóa - xã hội",
  education: "Giáo dục",
  fire_prevention: "Phòng cháy, chữa cháy",
  party_building: "Xây dựng Đảng",
  proposals: "Kiến nghị, đề xuất",
  other: "Khác",
};

/**
 * Folded keywords per area, tried in this order: the first area with a keyword in the heading wins.
 * The order settles overlaps: proposals first ("kiến nghị về đất đai" is a proposal), party building
 * before anything with "xây dựng", fire prevention before "phòng". Bare "đất" is not a keyword because
 * it folds like "đạt" (achieved); bare "Đảng" folds like "đang" (currently).
 */
const KEYWORDS: ReadonlyArray<readonly [AreaCode, readonly string[]]> = [
  ["proposals", ["kien nghi", "de xuat", "kien nghi de xuat"]],
  ["fire_prevention", ["phong chay", "chua chay", "pccc", "chay no", "cuu nan cuu ho"]],
  [
    "party_building",
    [
      "xay dung dang",
      "cong tac dang",
      "dang uy",
      "dang bo",
      "dang vien",
      "chi bo",
      "he thong chinh tri",
      "to chuc dang",
      "dan van",
      "kiem tra giam sat",
    ],
  ],
  [
    "education",
    ["giao duc", "truong hoc", "hoc sinh", "mam non", "tieu hoc", "thcs", "khuyen hoc", "dao tao"],
  ],
  [
    "land",
    [
      "dat dai",
      "su dung dat",
      "quan ly dat",
      "thu hoi dat",
      "giao dat",
      "giai phong mat bang",
      "gpmb",
      "tai nguyen",
    ],
  ],
  [
    "administrative_reform",
    ["cai cach hanh chinh", "cchc", "thu tuc hanh chinh", "mot cua", "chuyen doi so", "chinh quyen dien tu"],
  ],
  [
    "urban_management",
    [
      "do thi",
      "trat tu",
      "giao thong",
      "moi truong",
      "ve sinh",
      "chung cu",
      "ha tang",
      "quan ly xay dung",
      "trat tu xay dung",
    ],
  ],
  [
    "culture_society",
    [
      "van hoa",
      "xa hoi",
      "y te",
      "lao dong",
      "chinh sach",
      "an sinh",
      "the thao",
      "dan so",
      "ho ngheo",
      "nguoi co cong",
      "gia dinh",
    ],
  ],
  [
    "economy",
    [
      "kinh te",
      "ngan sach",
      "tai chinh",
      "thuong mai",
      "dich vu",
      "nong nghiep",
      "san xuat",
      "kinh doanh",
      "thu thue",
      "dau tu",
    ],
  ],
];

/**
 * The area of an item heading, matched on whole folded words, so it works without accents and with
 * typos that keep the key words ("Công văn hóa xã hội" → culture_society). Unknown headings, and
 * fields outside the list such as defence and security, give "other".
 */
export function classifyArea(heading: string): AreaCode {
  const folded = ` ${foldVietnamese(heading).replace(/[^a-z0-9]+/g, " ")} `;
  for (const [code, words] of KEYWORDS) {
    if (words.some((w) => folded.includes(` ${w} `))) return code;
  }
  return "other";
}

/** The most words a heading may have: longer text before a colon is a sentence, not a heading. */
const MAX_HEADING_WORDS = 14;

/**
 * Splits an item into its heading and body at the first colon: "1. Về phát triển kinh tế : Tập trung…"
 * gives heading "Về phát triển kinh tế" and body "Tập trung…". Returns heading null when the text
 * before the colon is too long or contains a full stop or semicolon, i.e. the colon belongs to a
 * sentence ("yêu cầu: …") rather than to a heading; the body is then the whole text.
 */
export function splitHeading(text: string): { heading: string | null; body: string } {
  const colon = text.indexOf(":");
  if (colon < 0) return { heading: null, body: text.trim() };
  const heading = text.slice(0, colon).trim();
  const words = heading.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_HEADING_WORDS || /[.;!?](\s|$)/.test(heading)) {
    return { heading: null, body: text.trim() };
  }
  return { heading, body: text.slice(colon + 1).trim() };
}
