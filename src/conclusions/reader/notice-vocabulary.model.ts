/**
 * The words and patterns the notice reader (notice-reader.ts) recognises, kept as data so that a new
 * phrase is one line here, not a change of the reading logic. Every pattern is matched against folded
 * text (lower case, no accents, đ → d: see core/text/fold.ts), so "Nơi nhận" is written "noi nhan".
 */

function words(list: string): string[] {
  return list
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
}

/**
 * Lines of a document's header or its signature block: the motto, the issuing body's lines, the
 * number, the place and date, the document type, the addressee line. Matched on the whole folded line.
 */
export const HEADER_LINES: readonly RegExp[] = [
  /^cong hoa xa hoi chu nghia viet nam$/,
  /^doc lap\s*[-–—]?\s*tu do\s*[-–—]?\s*hanh phuc$/,
  /^dang cong san viet nam$/,
  /^so\s*:?\s*\S*\d+\S*[-/]\S+$/,
  /^[\p{L} .]{2,40},\s*ngay\s+\S*\s*thang\s+\S*\s*nam\s+\d{4}$/u,
  /^(v\/v|ve viec)\b/,
  /^(ngay dang|ngay dua|luot xem|luot truy cap|dang truc tuyen)\b/,
  /^(tm|t\/m|kt|tl|tuq|tm\.)\.?\s/,
  /^\(?(da ky|ky ten|ky, ghi ro ho ten)\)?\.?$/,
  /^[-–—_*|=.\s]+$/,
];

/** A paragraph that starts the list of addressees ("Kính gửi: …"); the dashes after it are not items. */
export const ADDRESSEES = /^kinh gui\s*:?/;

/** Where the body ends: the recipients' list ("Nơi nhận:") and everything after it. */
export const BODY_END = /^noi nhan\s*:?/;

/** The closing formula of a notice: "Văn phòng Quận ủy thông báo để các đơn vị biết, thực hiện./." */
export const CLOSING = /\bthong bao (de|den|cho) .{0,60}\b(biet|thuc hien)\b/;

/** Paragraphs giving the legal basis or the proposal behind a document: never items. */
export const LEGAL_BASIS = /^(can cu|xet de nghi|theo de nghi cua|xet to trinh)\b/;

/** A quoted clause of law ("Điều 5. …", "Chương II"): it and the numbered list under it are not items. */
export const LEGAL_CLAUSE = /^(dieu\s+\d+|chuong\s+[ivxlc\d]+\b)/;

/**
 * The end of an introduction that lists an agenda rather than conclusions: "cho ý kiến về các nội dung
 * sau:", "thảo luận các nội dung:", "nghe báo cáo …:". Matched on the folded paragraph that ends with ":".
 */
export const AGENDA_INTROS: readonly RegExp[] = [
  /\bcho y kien\b/,
  /\bthao luan\b/,
  /\bxem xet,? (cho y kien|thong qua)\b/,
  /\bnghe (cac )?bao cao\b/,
  /\bchuong trinh (hoi nghi|lam viec|ky hop)\b/,
  /\bgom cac noi dung\b/,
];

/** Words that make an introduction the conclusions' rather than an agenda's. */
export const CONCLUSION_WORDS = words("ket luan, yeu cau, de nghi, giao, chi dao, nhiem vu");

/**
 * Openings of a sentence that tells what happened rather than what to do: a report of the meeting,
 * a time of day, a state of things. A paragraph opening so is read as narrative: only an explicit
 * assignment ("yêu cầu X …", "giao X …") in it is a task.
 */
export const NARRATIVE_OPENINGS: readonly RegExp[] = [
  /^(sang|chieu|toi|trua)( ngay)?\s+\d/,
  /^(sang|chieu|toi) (nay|qua|hom)/,
  /^ngay\s+\d/,
  /^(tai|qua) (hoi nghi|cuoc hop|buoi (lam viec|hop|sinh hoat|lam viec nay)|ky hop|phien hop)\b/,
  /^(thuc hien|trien khai) (ke hoach|chi thi|nghi quyet|cong van|quyet dinh) so\b/,
  /^(nhung nam qua|thoi gian qua|nam qua|trong nam (qua|\d{4}),)/,
  /^(hoi nghi|cuoc hop|buoi lam viec|dai hoi|ky hop)\s+(da|duoc|lan)\b/,
  /^(du|tham du|den du|cung du) (hoi nghi|buoi|cuoc|ky hop|phien|le|dai hoi|va chu tri|co)\b/,
  /^chu tri (hoi nghi|buoi|cuoc|phien|ky hop)\b/,
  /\b(hien co|vua co|da co cong van|cho biet)\b/,
  /\bchu tri (hoi nghi|cuoc hop|buoi|phien hop|ky hop|hop)\b/,
  /^phat bieu (tai|khai mac|chi dao)\b/,
];

/** Words (folded) that mark a report of the past inside a sentence: "đã", "vừa", "đã được". */
export const PAST_MARKERS = words("da, vua, da duoc");

/**
 * Verbs by which the writer assigns a task to the party named after them: "giao [X]", "yêu cầu [X]",
 * "đề nghị [X]", "chỉ đạo cho [X]", "phân công [X]". Folded, as word sequences.
 */
export const ASSIGN_VERBS = words("giao, yeu cau, de nghi, chi dao cho, phan cong, kien nghi");

/** Words before "đề nghị / yêu cầu" that make it a noun ("đơn đề nghị", "theo đề nghị"), not an assignment. */
export const NOT_ASSIGNING_AFTER = words("don, theo, xet, to trinh, cac, nhung, mot so");

/**
 * Verbs (folded) that open a task written without its subject: "Tập trung rà soát…", "; tăng cường…".
 * A sentence or semicolon clause starting with one continues the task before it (and its lead).
 */
export const TASK_VERBS = words(
  "tap trung, tiep tuc, day manh, tang cuong, thuc hien, trien khai, to chuc, xay dung, ra soat, " +
    "kiem tra, nang cao, duy tri, chi dao, hoan thanh, hoan thien, khan truong, quan tam, chu trong, " +
    "nghien cuu, doi moi, tuyen truyen, nam chac, nam bat, tich cuc, kip thoi, bao cao, chu dong, " +
    "phoi hop, thong bao, huong dan, du kien, gioi thieu, khong de, bao dam, dam bao, phat huy, " +
    "sap xep, cung co, theo doi, lanh dao, xu ly, giai quyet, bam sat, tham muu, lap, ban hanh, " +
    "co the nghien cuu, de xuat, xac dinh, tiep nhan, cap nhat, ket thuc, chuan bi, dao tao, rut kinh nghiem, " +
    "van dong, quan ly, khac phuc, day nhanh, thuc hien nghiem, nghiem tuc, chan chinh, kien toan, tong hop, " +
    "gui, tao, thuong xuyen, cham lo, bo tri, uu tien, giam sat, kiem soat, bo sung, dieu chinh, trinh, ra quan, tien hanh",
);

/** Openings (folded) of a clause that only states when: it gives its deadline to the task before it. */
export const DEADLINE_CLAUSES: readonly RegExp[] = [
  /^(hoan thanh|xong|thoi han|thoi gian (hoan thanh|thuc hien|giai quyet)|han chot|cham nhat)\b/,
  /^(so lieu|ket qua|bao cao) (phai )?(duoc )?gui ve\b/,
];

/** Words introducing the items of an inline list after a colon: "bao gồm:", "như sau:", "cụ thể:". */
export const LIST_INTROS = words("bao gom, gom, nhu sau, cu the, sau, cac noi dung, mot so cong viec");

/** Parties of a higher level: "Đề nghị [one of these] …" is a request upwards, not a task. */
export const HIGHER_LEVELS = words(
  "trung uong, chinh phu, thu tuong, quoc hoi, bo chinh tri, ban bi thu, cac bo, bo, tinh uy, thanh uy, " +
    "ubnd tinh, ubnd thanh pho, uy ban nhan dan tinh, uy ban nhan dan thanh pho, cap tren, thuong truc tinh uy, " +
    "thuong truc thanh uy, ban thuong vu tinh uy, ban thuong vu thanh uy, hdnd tinh",
);

/** Verbs of a request upwards. */
export const REQUEST_VERBS = words("de nghi, kien nghi, de xuat, xin");

/** A section heading (folded) whose items are requests upwards: "III. KIẾN NGHỊ, ĐỀ XUẤT". */
export const REQUEST_SECTIONS =
  /^(cac )?(kien nghi|de xuat|de nghi)(,? (va )?(kien nghi|de xuat|de nghi))*( cua [a-z ]{1,30})?:?$/;

/** A section heading (folded) that reports rather than directs: its prose is not read for tasks. */
export const ASSESSMENT_SECTIONS =
  /^(danh gia|ket qua|tinh hinh|uu diem|han che|khuyet diem|mot so ket qua|ve ket qua|boi canh)\b/;

/** Sentence openers to skip before looking for the subject: "Theo đó,", "Trong đó,", "Ngoài ra,". */
export const CONNECTIVES = words(
  "theo do, trong do, cung voi do, ben canh do, ngoai ra, dong thoi, cu the, mat khac, tren co so do, sau do",
);
