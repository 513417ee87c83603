import { describe, expect, it } from "vitest";
import {
  type DeadlineContext,
  findDeadlinePhrases,
  proposeDeadline,
  termEndDate,
} from "./deadline-phrases.js";

const NONE = {};
const S2020 = { sessionDate: "2020-01-02" };
const LATE_2020 = { sessionDate: "2020-11-20" };

// [text, context, kind, date, phrase]
const TABLE: Array<[string, DeadlineContext, string, string | null, string | null]> = [
  // Dates
  ["Báo cáo UBND quận trước ngày 30/6/2020.", NONE, "date", "2020-06-30", "trước ngày 30/6/2020"],
  ["hoàn thành trước ngày 05/01/2021", NONE, "date", "2021-01-05", "hoàn thành trước ngày 05/01/2021"],
  ["Hoàn thành trước ngày 30.6.2020", NONE, "date", "2020-06-30", "Hoàn thành trước ngày 30.6.2020"],
  ["chậm nhất ngày 15-3-2020", NONE, "date", "2020-03-15", "chậm nhất ngày 15-3-2020"],
  ["xong trước 1/2/2020", NONE, "date", "2020-02-01", "xong trước 1/2/2020"],
  ["Thời hạn: 31/12/2020", NONE, "date", "2020-12-31", "Thời hạn: 31/12/2020"],
  ["trước ngày 30 tháng 6 năm 2020", NONE, "date", "2020-06-30", "trước ngày 30 tháng 6 năm 2020"],
  ["truoc ngay 30/6/2020", NONE, "date", "2020-06-30", "truoc ngay 30/6/2020"],
  ["TRƯỚC NGÀY 30/6/2020", NONE, "date", "2020-06-30", "TRƯỚC NGÀY 30/6/2020"],
  ["trước ngày 31/2/2020 (sai ngày)", NONE, "none", null, null],
  // Dates without year: the session decides, rolling to next year when already past.
  ["trước ngày 30/6", S2020, "date", "2020-06-30", "trước ngày 30/6"],
  ["trước ngày 15/1", LATE_2020, "date", "2021-01-15", "trước ngày 15/1"],
  ["trước ngày 30/6", NONE, "date", null, "trước ngày 30/6"],
  ["trong 15 ngày kể từ ngày ký", S2020, "date", "2020-01-17", "trong 15 ngày"],
  ["trong 15 ngày làm việc", S2020, "date", null, "trong 15 ngày làm việc"],
  ["trong vòng 10 ngày", NONE, "date", null, "trong vòng 10 ngày"],
  // Months
  ["hoàn thành trong tháng 3/2020", NONE, "month", "2020-03-31", "hoàn thành trong tháng 3/2020"],
  ["hết tháng 02 năm 2020", NONE, "month", "2020-02-29", "hết tháng 02 năm 2020"],
  ["trước tháng 3/2020", NONE, "month", "2020-02-29", "trước tháng 3/2020"],
  ["trước tháng 1/2021", NONE, "month", "2020-12-31", "trước tháng 1/2021"],
  ["trong tháng 3", S2020, "month", "2020-03-31", "trong tháng 3"],
  ["trong tháng 3", LATE_2020, "month", "2021-03-31", "trong tháng 3"],
  ["trong tháng 3", NONE, "month", null, "trong tháng 3"],
  ["trong tháng 13/2020", NONE, "none", null, null],
  ["ngay trong tháng này", S2020, "month", "2020-01-31", "trong tháng này"],
  ["trong tháng tới", { sessionDate: "2020-12-05" }, "month", "2021-01-31", "trong tháng tới"],
  // Quarters
  ["trong quý II/2020", NONE, "quarter", "2020-06-30", "trong quý II/2020"],
  ["trong Quý 4 năm 2020", NONE, "quarter", "2020-12-31", "trong Quý 4 năm 2020"],
  ["hoàn thành quý I/2021", NONE, "quarter", "2021-03-31", "quý I/2021"],
  ["trước quý III/2020", NONE, "quarter", "2020-06-30", "trước quý III/2020"],
  ["trước quý I/2021", NONE, "quarter", "2020-12-31", "trước quý I/2021"],
  ["trong quý II", S2020, "quarter", "2020-06-30", "trong quý II"],
  ["trong quý I", LATE_2020, "quarter", "2021-03-31", "trong quý I"],
  ["trong quý IV", NONE, "quarter", null, "trong quý IV"],
  // Years
  ["kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.", NONE, "year", "2020-12-31", "trong năm 2020"],
  ["đến hết năm 2021", NONE, "year", "2021-12-31", "đến hết năm 2021"],
  ["phấn đấu đến năm 2025 có 3 trường chuẩn", NONE, "year", "2025-12-31", "đến năm 2025"],
  ["trước năm 2021", NONE, "year", "2020-12-31", "trước năm 2021"],
  ["năm 2020 phường xóa hết hộ nghèo", NONE, "year", "2020-12-31", "năm 2020"],
  ["Công văn hóa xã hội: năm 2020 phường xóa hết hộ nghèo", NONE, "year", "2020-12-31", "năm 2020"],
  ["trong năm nay", S2020, "year", "2020-12-31", "trong năm nay"],
  ["năm nay phải hoàn thành", S2020, "year", "2020-12-31", "năm nay"],
  ["trong năm", S2020, "year", "2020-12-31", "trong năm"],
  ["trong năm tới", S2020, "year", "2021-12-31", "trong năm tới"],
  ["trong năm nay", NONE, "year", null, "trong năm nay"],
  // Not year deadlines
  ["thực hiện nhiệm vụ trọng tâm năm 2020", NONE, "none", null, null],
  ["trong năm học 2020", S2020, "none", null, null],
  // Terms
  [
    "mô hình trường chất lượng cao trong nhiệm kỳ 2020 - 2025.",
    NONE,
    "term",
    "2025-12-31",
    "trong nhiệm kỳ 2020 - 2025",
  ],
  ["trong nhiệm kỳ 2020–2025", NONE, "term", "2025-12-31", "trong nhiệm kỳ 2020–2025"],
  [
    "hết nhiệm kỳ 2020 – 2025",
    { termEnds: { "2020-2025": "2025-06-30" } },
    "term",
    "2025-06-30",
    "hết nhiệm kỳ 2020 – 2025",
  ],
  ["trong giai đoạn 2021-2025", NONE, "term", "2025-12-31", "trong giai đoạn 2021-2025"],
  ["trong nhiệm kỳ", NONE, "term", null, "trong nhiệm kỳ"],
  ["đại hội Đảng bộ phường lần thứ XXVII, nhiệm kỳ 2020 – 2025.", NONE, "none", null, null],
  ["trong nhiệm kỳ 2025 - 2020", NONE, "none", null, null],
  // Recurring
  ["thường xuyên tăng cường kiểm tra", NONE, "recurring", null, "thường xuyên"],
  ["Duy trì công tác đảm bảo trật tự đô thị", NONE, "recurring", null, "Duy trì"],
  ["báo cáo định kỳ hằng tháng", NONE, "recurring", null, "định kỳ"],
  ["kiểm tra hàng quý", NONE, "recurring", null, "hàng quý"],
  ["thuong xuyen kiem tra", NONE, "recurring", null, "thuong xuyen"],
  // Nothing
  ["Tập trung rà soát các nguồn thu của phường", NONE, "none", null, null],
  ["", NONE, "none", null, null],
  ["Giai đoạn 2015 - 2020, phường đã hoàn thành", NONE, "none", null, null],
];

describe("proposeDeadline", () => {
  it.each(TABLE)("%j %j → %s %s", (text, context, kind, date, phrase) => {
    const proposed = proposeDeadline(text, context);
    expect({ kind: proposed.kind, date: proposed.date, phrase: proposed.phrase }).toEqual({
      kind,
      date,
      phrase,
    });
  });

  it("prefers a date over an ongoing wording, and the earliest of several dates", () => {
    expect(proposeDeadline("Thường xuyên kiểm tra; báo cáo kết quả trước ngày 15/12/2020.")).toMatchObject({
      kind: "date",
      date: "2020-12-15",
      clause: "báo cáo kết quả trước ngày 15/12/2020",
    });
    expect(proposeDeadline("trong năm 2020 xây dựng đề án; trong quý II/2020 báo cáo")).toMatchObject({
      kind: "quarter",
      date: "2020-06-30",
    });
    // Same end day: the more specific kind wins.
    expect(proposeDeadline("trong năm 2020, chậm nhất ngày 31/12/2020")).toMatchObject({ kind: "date" });
  });

  it("prefers a resolved deadline over one it could not place, and that over recurring", () => {
    expect(proposeDeadline("trong quý II; thường xuyên")).toMatchObject({ kind: "quarter", date: null });
    expect(proposeDeadline("trong quý II; trước ngày 30/6/2020")).toMatchObject({
      kind: "date",
      date: "2020-06-30",
    });
  });

  it("gives the clause that carries the deadline", () => {
    const text =
      "Quan tâm đến một số nhiệm vụ trọng tâm như xây dựng chợ an toàn thực phẩm; kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.";
    expect(proposeDeadline(text).clause).toBe("kết thúc việc chăn nuôi ở khu dân cư trong năm 2020");
    expect(proposeDeadline("không có thời hạn").clause).toBeNull();
  });

  it("reads decomposed (NFD) text", () => {
    expect(proposeDeadline("trước ngày 30/6/2020".normalize("NFD"))).toMatchObject({
      kind: "date",
      date: "2020-06-30",
      phrase: "trước ngày 30/6/2020",
    });
  });
});

describe("findDeadlinePhrases", () => {
  it("lists every phrase in text order without overlaps", () => {
    const found = findDeadlinePhrases(
      "Thường xuyên kiểm tra; đến hết năm 2020 hoàn thành; trong quý II/2021 báo cáo; trước ngày 1/7/2021.",
    );
    expect(found.map((f) => [f.kind, f.date, f.phrase])).toEqual([
      ["recurring", null, "Thường xuyên"],
      ["year", "2020-12-31", "đến hết năm 2020"],
      ["quarter", "2021-06-30", "trong quý II/2021"],
      ["date", "2021-07-01", "trước ngày 1/7/2021"],
    ]);
    expect(found[1]?.index).toBe("Thường xuyên kiểm tra; ".length);
  });
});

describe("termEndDate", () => {
  it.each([
    [2020, 2025, {}, "2025-12-31"],
    [2020, 2025, { termEnds: { "2020-2025": "2025-07-15" } }, "2025-07-15"],
    [2020, 2025, { termEnds: { "2020-2025": "15/07/2025" } }, "2025-12-31"],
    [2025, 2030, { termEnds: { "2020-2025": "2025-07-15" } }, "2030-12-31"],
  ])("%i–%i with %j → %s", (start, end, context, expected) => {
    expect(termEndDate(start, end, context)).toBe(expected);
  });
});
