import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findNoticeDate } from "./notice-date.rules.js";
import { flattenItems, type NoticeItem, readNotice } from "./notice-reader.js";
import { findResponsibleUnits } from "./unit-phrases.js";

const SEED = new URL("../../../test/fixtures/thuong-thanh-2020-01-02.txt", import.meta.url);

/** path → [kind, lead as written, deadline phrase] of every item, for compact expectations. */
function outline(items: readonly NoticeItem[]): Record<string, [string, string | null, string | null]> {
  return Object.fromEntries(
    flattenItems(items).map((i) => [i.path, [i.kind, i.leadUnit?.text ?? null, i.deadline.phrase]]),
  );
}

/** A Party notice with every part the reader must tell apart. */
const NOTICE = `QUẬN ỦY LONG BIÊN
*
Số 136-TB/QU
ĐẢNG CỘNG SẢN VIỆT NAM
Long Biên, ngày 05 tháng 01 năm 2020
THÔNG BÁO
KẾT LUẬN CỦA THƯỜNG TRỰC QUẬN ỦY
tại buổi làm việc với phường Thượng Thanh
Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ quận khóa XXV;
Ngày 02/01/2020, Thường trực Quận ủy làm việc với Đảng ủy phường Thượng Thanh. Sau khi nghe báo cáo, đồng chí Bí thư Quận ủy kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Năm 2019, phường hoàn thành vượt mức 16 chỉ tiêu, xếp thứ 1/14 phường.
II. NHIỆM VỤ NĂM 2020
1. Giao UBND phường chủ trì, phối hợp với Phòng Tài nguyên và Môi trường quận rà soát đất công; hoàn thành trước ngày 30/6/2020.
2. Đảng ủy phường:
a) Lãnh đạo tổ chức đại hội chi bộ trong quý I/2020;
b) Xây dựng chuyên đề đánh giá hệ thống chính trị tổ dân phố.
3. Về đô thị:
(1) Đội Trật tự đô thị kiểm tra thường xuyên các công trình;
(2) Ban Chỉ đạo 197 báo cáo kết quả tại kỳ họp thứ 12 HĐND quận.
III. KIẾN NGHỊ
1. Đề nghị Thành ủy quan tâm bố trí vốn xây dựng trường học.
Văn phòng Quận ủy thông báo để các đơn vị biết, thực hiện./.
Nơi nhận:
- Thường trực Quận ủy,
- Đảng ủy phường Thượng Thanh,
- Lưu VPQU.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Đỗ Mạnh Hải`;

describe("readNotice on a notice with sections, items and sub-items", () => {
  const reading = readNotice(NOTICE);

  it("returns the tree with paths and kinds, and leaves the header, preamble, recipients and signature out", () => {
    expect(reading.mode).toBe("outline");
    expect(Object.keys(outline(reading.items))).toEqual([
      "I",
      "II",
      "II.1",
      "II.2",
      "II.2.a",
      "II.2.b",
      "II.3",
      "II.3.(1)",
      "II.3.(2)",
      "III",
      "III.1",
    ]);
    expect(reading.items.map((i) => [i.path, i.kind, i.marker])).toEqual([
      ["I", "heading", "I."],
      ["II", "heading", "II."],
      ["III", "heading", "III."],
    ]);
    expect(JSON.stringify(reading.items)).not.toMatch(/Nơi nhận|Lưu VPQU|Đỗ Mạnh Hải|Căn cứ|thông báo để/);
  });

  it("reads leads, coordinating units and deadlines, and passes a lead-in's party down", () => {
    expect(outline(reading.items)).toMatchObject({
      "II.1": ["task", "UBND phường", "hoàn thành trước ngày 30/6/2020"],
      "II.2": ["task", "Đảng ủy phường", "trong quý I/2020"],
      "II.2.a": ["task", "Đảng ủy phường", "trong quý I/2020"],
      "II.2.b": ["task", "Đảng ủy phường", null],
      "II.3": ["heading", null, null],
      "II.3.(1)": ["task", "Đội Trật tự đô thị", "thường xuyên"],
      "II.3.(2)": ["task", "Ban Chỉ đạo 197", "tại kỳ họp thứ 12 HĐND quận"],
    });
    const [, second] = reading.items;
    const [first, party] = second?.subItems ?? [];
    expect(first?.coordinatingUnits.map((u) => u.text)).toEqual(["Phòng Tài nguyên và Môi trường quận"]);
    expect(first?.deadline).toMatchObject({ kind: "date", date: "2020-06-30" });
    expect(party?.subItems[0]).toMatchObject({
      leadInherited: true,
      deadline: { kind: "quarter", date: "2020-03-31" },
    });
  });

  it("reads a request to a higher level as a request, and dates the notice from its place line", () => {
    expect(outline(reading.items)["III.1"]).toEqual(["request", "Thành ủy", null]);
    expect(reading.date).toEqual({ date: "2020-01-05", source: "place_line" });
  });
});

describe("readNotice on tasks written as prose", () => {
  it("splits on assignments and semicolons, keeps deadline clauses and addressee lists with their task", () => {
    const text = `UBND tỉnh có ý kiến như sau:
Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp các đơn vị liên quan nghiên cứu, đề xuất UBND tỉnh; hoàn thành trước ngày 10/12/2023. Yêu cầu Chủ tịch UBND các huyện, thị xã; Thủ trưởng các sở, ban, ngành thực hiện nghiêm.
Ban Tổ chức Huyện ủy tham mưu củng cố tổ chức bộ máy; dự kiến các chức danh ngay sau đại hội đảng các cấp; Ủy ban kiểm tra Huyện ủy theo dõi việc giải quyết đơn thư.`;
    expect(outline(readNotice(text).items)).toEqual({
      s1: ["task", "Sở Tài nguyên và Môi trường", "hoàn thành trước ngày 10/12/2023"],
      s2: ["task", "Chủ tịch UBND các huyện", null],
      s3: ["task", "Ban Tổ chức Huyện ủy", null],
      s4: ["task", "Ban Tổ chức Huyện ủy", "ngay sau đại hội đảng các cấp"],
      s5: ["task", "Ủy ban kiểm tra Huyện ủy", null],
    });
  });

  it("takes the tasks after a lead-in's colon, with the lead-in's party and the deadline opening the sentence", () => {
    const text =
      "Đồng chí đề nghị Ban Thường trực Ủy ban MTTQ huyện cần tập trung một số công việc: Triển khai các văn bản hướng dẫn; làm việc với các xã về nhân sự.\nTrong tháng 9, Chi bộ tiếp tục chỉ đạo Đoàn thanh niên tổng kết hoạt động hè; nắm chắc tình hình tại xóm.";
    expect(outline(readNotice(text, { sessionDate: "2020-08-20" }).items)).toEqual({
      s1: ["task", "Ban Thường trực Ủy ban MTTQ huyện", null],
      s2: ["task", "Ban Thường trực Ủy ban MTTQ huyện", null],
      s3: ["task", "Ban Thường trực Ủy ban MTTQ huyện", null],
      s4: ["task", "Chi bộ", "Trong tháng 9"],
      s5: ["task", "Chi bộ", "Trong tháng 9"],
    });
  });

  it("leaves reports of the meeting, captions and bylines out", () => {
    const text = `UBND phường họp thường kỳ tháng 3/2022
Ngày đăng 29/03/2022 | 20:48 | Lượt xem: 98
Sáng ngày 28/3/2022, UBND phường tổ chức họp thường kỳ. Các đồng chí Thường trực chủ trì hội nghị.
Đoàn kiểm tra đề nghị khu phố phát huy tinh thần đoàn kết
Chủ tịch UBND yêu cầu các bộ phận chuyên môn bám sát tiến độ.
Âu Thị Huyền Trang`;
    const reading = readNotice(text);
    expect(outline(reading.items)).toEqual({ s1: ["task", "các bộ phận chuyên môn", null] });
    expect(reading.date).toEqual({ date: "2022-03-29", source: "published" });
  });
});

describe("readNotice on the lead-in of a section", () => {
  it("passes 'II. Đề nghị [cơ quan] … trong [thời hạn]:' down to its items", () => {
    const text = `I. KẾT QUẢ
Năm 2020 phường hoàn thành các chỉ tiêu.
II. Đề nghị Phòng Y tế quận hoàn thành trong quý III/2020:
1. Rà soát các cơ sở kinh doanh thực phẩm.
2. Kiểm tra tiêm chủng, báo cáo trước ngày 15/7/2020.`;
    expect(outline(readNotice(text).items)).toEqual({
      I: ["heading", null, null],
      II: ["task", "Phòng Y tế quận", "hoàn thành trong quý III/2020"],
      "II.1": ["task", "Phòng Y tế quận", "hoàn thành trong quý III/2020"],
      "II.2": ["task", "Phòng Y tế quận", "trước ngày 15/7/2020"],
    });
  });
});

describe("readNotice on what is not an item", () => {
  it("skips an agenda list and quoted clauses of law", () => {
    const text = `Hội nghị cho ý kiến về các nội dung sau:
1. Báo cáo kết quả năm 2019.
2. Dự thảo chương trình công tác năm 2020.
Điều 5. Trách nhiệm thi hành
1. Các cơ quan chịu trách nhiệm thi hành.
Kết luận hội nghị, đồng chí Chủ tịch yêu cầu:
1. Giao Văn phòng HĐND - UBND hoàn thiện chương trình công tác trong tháng 1/2020.`;
    expect(outline(readNotice(text).items)).toEqual({
      "1": ["task", "Văn phòng HĐND - UBND", "trong tháng 1/2020"],
    });
  });
});

describe("readNotice on the reference article", () => {
  const reading = readNotice(readFileSync(SEED, "utf8"), { sessionDate: "2020-01-02" });

  it("reads its nine conclusions as a list, with their areas and deadlines", () => {
    expect(reading.mode).toBe("list");
    expect(reading.items.map((i) => [i.path, i.area.code, i.deadline.kind, i.deadline.date])).toEqual([
      ["1", "economy", "year", "2020-12-31"],
      ["2", "urban_management", "recurring", null],
      ["3", "land", "none", null],
      ["4", "administrative_reform", "recurring", null],
      ["5", "culture_society", "year", "2020-12-31"],
      ["6", "education", "term", "2025-12-31"],
      ["7", "fire_prevention", "recurring", null],
      ["8", "party_building", "recurring", null],
      ["9", "proposals", "none", null],
    ]);
    expect(reading.items.map((i) => i.leadUnit?.text ?? null)).toEqual([
      null,
      null,
      "phường",
      null,
      null,
      null,
      null,
      "Đảng ủy phường",
      "UBND phường",
    ]);
    expect(reading.items.every((i) => i.kind === "task")).toBe(true);
  });
});

describe("unit vocabulary of every level", () => {
  it.each([
    ["Giao Bộ Kế hoạch và Đầu tư chủ trì", "Bộ Kế hoạch và Đầu tư"],
    ["Giao Sở Xây dựng chủ trì", "Sở Xây dựng"],
    ["Tỉnh ủy Quảng Ngãi tiếp tục lãnh đạo", "Tỉnh ủy Quảng Ngãi"],
    ["yêu cầu Huyện ủy Đức Phổ chỉ đạo", "Huyện ủy Đức Phổ"],
    ["Các ấp tập trung chỉ đạo sản xuất", "Các ấp"],
    ["giao thôn Bình Hàn phối hợp", "thôn Bình Hàn"],
    ["Tập đoàn Điện lực Việt Nam khẩn trương hoàn thành", "Tập đoàn Điện lực Việt Nam"],
    ["giao Ban Tuyên giáo Huyện ủy tham mưu", "Ban Tuyên giáo Huyện ủy"],
    ["Văn phòng Chính phủ theo dõi, đôn đốc", "Văn phòng Chính phủ"],
    ["đề nghị UBMTTQ phường vận động nhân dân", "UBMTTQ phường"],
    ["giao HĐND xã giám sát", "HĐND xã"],
    ["Chi bộ cần sắp xếp nội dung sinh hoạt", "Chi bộ"],
    ["yêu cầu khu phố tiếp tục phát huy", "khu phố"],
    ["Theo đó, Ngân hàng Nhà nước Việt Nam phải điều hành", "Ngân hàng Nhà nước Việt Nam"],
    ["đề nghị, 6 tháng cuối năm 2016, MTTQ các cấp phối hợp", "MTTQ các cấp"],
  ])("%s → %s", (text, lead) => {
    expect(findResponsibleUnits(text).leadUnit?.text).toBe(lead);
  });

  it("does not read nouns as assignments: đơn đề nghị, bàn giao, giao thông", () => {
    for (const text of [
      "gia đình có đơn đề nghị UBND phường cắm mốc",
      "bàn giao UBND phường",
      "giao thông phường",
    ]) {
      expect(findResponsibleUnits(text).leadUnit).toBeNull();
    }
  });
});

describe("findNoticeDate", () => {
  it.each([
    ["Hà Nội, ngày 05 tháng 01 năm 2020\nTHÔNG BÁO", { date: "2020-01-05", source: "place_line" }],
    ["Tin mới\nNgày đăng 02/01/2020 | 21:49", { date: "2020-01-02", source: "published" }],
    ["Sáng ngày 28/3/2022, UBND phường họp.", { date: "2022-03-28", source: "first_date" }],
    ["Trong tháng 9, chi bộ họp.", null],
  ])("%j", (text, expected) => {
    expect(findNoticeDate(text)).toEqual(expected);
  });
});
