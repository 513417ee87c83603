/**
 * Words that tell where a unit name starts and ends in Vietnamese directive wording, kept apart from
 * the reading logic (unit-phrases.ts) so they can be extended without touching it.
 */
import { foldVietnamese } from "../../core/text/fold.js";

function list(words: string): string[] {
  return words.split(",").map((w) => w.trim());
}

/** Words that begin a unit name, lower case with accents and folded; multi-word heads as word lists. */
export const HEADS: ReadonlyArray<{ lower: readonly string[]; fold: readonly string[] }> = list(
  "ubnd, hđnd, mttq, ubmttq, ủy ban, uỷ ban, hội đồng, phòng, ban, sở, cục, chi cục, đội, hội, đoàn, trường, " +
    "trạm, phường, quận, xã, huyện, thị trấn, thành phố, tổ dân phố, tổ, công an, quận ủy, quận uỷ, đảng ủy, " +
    "đảng uỷ, đảng bộ, chi bộ, mặt trận, trung tâm, văn phòng, thanh tra, kho bạc, bệnh viện, bộ phận, " +
    "lãnh đạo, đồng chí, đ/c, chủ tịch, phó chủ tịch, bí thư, cơ quan, đơn vị, lực lượng, ngành, " +
    // Every level, from the centre to the hamlet, Party and State, and the people who answer for them.
    "bộ, bộ trưởng, thứ trưởng, tỉnh, tỉnh ủy, tỉnh uỷ, thành ủy, thành uỷ, huyện ủy, huyện uỷ, thị ủy, thị uỷ, " +
    "ấp, thôn, xóm, bản, khu phố, tập đoàn, tổng công ty, công ty, ngân hàng, kho bạc nhà nước, thủ trưởng, " +
    "giám đốc, phó giám đốc, trưởng công an, trưởng ban, trưởng phòng, trưởng ấp, trưởng thôn, người đứng đầu, " +
    "cấp ủy, cấp uỷ, đảng viên, thành viên, công chức, cán bộ, phó thủ tướng, thủ tướng, ủy ban kiểm tra, " +
    "chính quyền, địa phương, sở, ngành, đoàn thể, hội đồng nhân dân, mặt trận tổ quốc",
).map((h) => ({ lower: h.split(" "), fold: foldVietnamese(h).split(" ") }));

/** A one-word head followed by these (folded) is an ordinary word: phòng cháy, hội nghị, đoàn kết, xã hội… */
export const NOT_A_HEAD: Readonly<Record<string, readonly string[]>> = {
  phòng: list("chay, chong, ngua, tranh, hop, benh, ve"),
  ban: list("hanh, dau, ngay, dem"),
  hội: list("nghi, thao, vien, cho, nhap"),
  đoàn: list("ket, vien"),
  trường: list("hop"),
  đội: list("ngu"),
  sở: list("huu"),
  xã: list("hoi"),
  tổ: list("chuc, quoc"),
  bộ: list("may, doi, phan, ho, tieu, luat, mat, quy"),
  bản: list("than, sao, chat, linh, do, tin, an, thao, ke, hanh"),
  ấp: list("dung"),
  tỉnh: list("tao"),
};

/** Administrative units that stand alone as a subject ("phường chủ động…"), with and without accents. */
const STANDALONE_WORDS = list(
  "phường, quận, xã, huyện, thị trấn, thành phố, tỉnh, ấp, thôn, xóm, khu phố, chi bộ, đảng bộ, đảng ủy, đảng uỷ",
);
export const STANDALONE = new Set([...STANDALONE_WORDS, ...STANDALONE_WORDS.map((w) => foldVietnamese(w))]);

/** Folded verb phrases (two words) that end an unregistered name when lower case. */
export const STOP_PAIRS = new Set(
  list(
    "chu tri, phoi hop, chu dong, tiep tuc, tap trung, khan truong, co trach, chiu trach, thuc hien, trien khai, " +
      "to chuc, ra soat, hoan thien, hoan thanh, xay dung, kiem tra, giai quyet, bao cao, tham muu, de xuat, " +
      "huong dan, don doc, xu ly, nghien cuu, chi dao, bo tri, quan ly, xac dinh, theo doi, tong hop, dam bao, " +
      "tang cuong, nang cao, day manh, duy tri, tuyen truyen, van dong, ban hanh, sap xep, chuan bi, danh gia, " +
      "phan cong, thong nhat, xem xet, phat trien, tham gia, ho tro, cung cap, kiem soat, giam sat, cap nhat, " +
      "dieu chinh, bo sung, tiep nhan, lam viec, lam ro, tra loi, giai trinh, quan tam, luu y, ap dung, " +
      "phan dau, thuong xuyen, dinh ky, tiep nhan, nam chac, nam bat, cham lo, tich cuc, bam sat, bam vao, " +
      "chiu trach, dam bao, khong de, doi moi, kip thoi, thong bao, day nhanh, ket thuc, yeu cau, de nghi, " +
      "phat bieu, ket luan, nhan manh, cho biet",
  ),
);

/**
 * Single words that end a name: prepositions and auxiliaries. Compared with accents when the text has
 * them, because their folded forms collide with name syllables ("từ"/"trật tự", "thì"/"đô thị").
 */
const STOP_WORDS = list(
  "để, trong, theo, nhằm, tại, về, cho, khi, sau, trước, từ, đến, nếu, thì, là, cần, phải, sẽ, đã, giao, thu, " +
    "ở, của, như, bằng, qua, trên, dưới, ngày, năm, tháng, quý, cũng, vừa, luôn, được, hiện, đều",
);
export const STOP_WORDS_ACCENTED = new Set(STOP_WORDS);
export const STOP_WORDS_FOLDED = new Set(STOP_WORDS.map((w) => foldVietnamese(w)));

/** Stops (folded) that, right after a name at the start of a clause, make that name the subject. */
export const SUBJECT_VERBS = new Set(
  list(
    "chu tri, phoi hop, chu dong, tiep tuc, tap trung, khan truong, co trach, chiu trach, thuc hien, tham muu, " +
      "can, phai, se, to chuc, trien khai, ra soat, xay dung, nghien cuu, tiep nhan, theo doi, kiem tra, " +
      "tang cuong, day manh, huong dan, don doc, bao cao, giai quyet, xu ly, chi dao, quan tam, bam sat, " +
      "bam vao, nam chac, dam bao, cham lo, tich cuc, duy tri, hoan thanh, hoan thien, nang cao, giao, " +
      "yeu cau, de nghi, tham gia, ho tro, cap nhat, tong hop, de xuat",
  ),
);

/** Subject verbs that assign: the party after them, when there is one, leads rather than the subject. */
export const ASSIGNING_SUBJECT_VERBS = new Set(list("giao, yeu cau, de nghi"));

/** Last words of the name of an administrative level (phường, quận, thành phố…). */
export const LEVEL_WORDS = new Set(list("phường, quận, xã, huyện, trấn, phố, tỉnh"));
