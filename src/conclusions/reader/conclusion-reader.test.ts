import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ProposedItem, readConclusion } from "./conclusion-reader.js";

/** The reference article, kept in the repository (test/fixtures/README.md says where it comes from). */
const SEED = new URL("../../../test/fixtures/thuong-thanh-2020-01-02.txt", import.meta.url);

/** The part of the reference article that matters here, read on its own as a pasted excerpt would be. */
const EXCERPT = `Tin mới nhất
Ban Thường vụ quận ủy Long Biên làm việc với phường Thượng Thanh
Ngày đăng 02/01/2020 | 21:49  | Lượt xem: 129

Phát biểu định hướng nội dung làm việc của Hội nghị đồng chí Đỗ Mạnh Hải – Bí thư Quận ủy, Chủ tịch HĐND quận đề nghị:

- Lãnh đạo phường Thượng Thanh báo cáo rõ kết quả thực hiện nhiệm vụ chính trị năm 2019 và giai đoạn 2015 - 2020. Công tác chuẩn bị Đại hội, định hướng phát triển giai đoạn 2020 – 2025, nhiệm vụ trọng tâm năm 2020 và các kiến nghị đề xuất

- Các phòng, ban đánh giá kết quả thực hiện, phối hợp với UBND phường trong việc thực hiện nhiệm vụ năm 2019; giải đáp, trao đổi những kiến nghị đề xuất của phường về nhiệm vụ năm 2020.

Đ/c Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận định hướng nội dung hội nghị.

Kết luận buổi làm việc, đồng chí Đỗ Mạnh Hải - Bí thư Quận ủy, Chủ tịch HĐND quận đã đánh giá cao chất lượng buổi làm việc. Về một số nhiệm vụ đặt ra trong năm 2020, đồng chí Bí thư, Chủ tịch HĐND quận yêu cầu :

1. Về phát triển kinh tế : Tập trung rà soát các nguồn thu của phường để thực hiện triệt để các nguồn thu bảo đảm chỉ tiêu giao và cân đối nguồn ngân sách địa phương. Quan tâm đến một số nhiệm vụ trọng tâm như xây dựng chợ an toàn thực phẩm; chủ động có phương án sắp xếp chợ tổ 29 sau khi có quyết định xây dựng trường học; kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.

2. Công tác quản lý đô thị: Duy trì công tác đảm bảo trật tự đô thị theo kế hoạch của Ban Chỉ đạo 197 quận; quan tâm việc quản lý chung cư, quản lý tuyến phố văn minh đô thị; chú trọng công tác thu thuế các công trình xây dựng.

3. Công tác quản lý đất đai: phường chủ động xây dựng kế hoạch thực hiện triệt để Kết luận số 316 của Thanh tra sở Tài nguyên Môi trường Thành phố, không để phát sinh thêm điểm vi phạm. Phối hợp với các phòng ban chuyên môn quận tập trung giải quyết dứt điểm các trường hợp vướng mắc về công tác cấp giấy chứng nhận quyền sử dụng đất.

4. Công tác cải cách hành chính: Duy trì nề nếp có hiệu quả mô hình bộ phận “một cửa gần dân thân thiện”. Chuẩn bị và đào tạo đội ngũ cán bộ phường và tổ dân phố sau khi Thành phố có quyết định sáp nhập.

5. Công văn hóa xã hội: năm 2020 phường xóa hết hộ nghèo, quan tâm chế độ chính sách đối với người có công. Nghiên cứu mô hình hoạt động, quản lý, khai thác nhà văn hóa tổ dân phố.

6. Công tác giáo dục: xây dựng lộ trình tự chủ cho khối giáo dục trên địa bàn phường; mô hình trường chất lượng cao gồm 01 trường THCS và 01 trường Mầm non trong nhiệm kỳ 2020 - 2025.

7. Công tác phòng cháy chữa cháy: thường xuyên tăng cường kiểm tra, xử lý triệt để các hộ kinh doanh không đủ điều kiện về công tác phòng chống cháy nổ trên địa bàn phường.

8. Công tác xây dựng Đảng : Đảng ủy phường tiếp tục đổi mới phương thức lãnh đạo, chỉ đạo; ban hành nghị quyết lãnh đạo theo hướng lựa chọn nhiệm vụ trọng tâm và kiểm soát kết quả thực hiện. Duy trì thực hiện các mô hình đang thực hiện hiệu quả; bám sát kế hoạch tiến độ chỉ đạo thành công đại hội chi bộ, đại hội Đảng bộ phường lần thứ XXVII, nhiệm kỳ 2020 – 2025.

9. Đối với các nhóm kiến nghị, đề xuất của phường: thống nhất và giao UBND phường phối hợp với các phòng, ban liên quan quận hoàn thiện các thủ tục, các bước theo lộ trình.

Tiếp thu ý kiến chỉ đạo đồng chí Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường khẳng định sẽ phát huy tinh thần đoàn kết, dân chủ, trách nhiệm, trí tuệ của tập thể, thực hiện có hiệu quả các nhiệm vụ Bí thư Quận ủy giao xây dựng phường ngày càng phát triển./.`;

const UNITS = [
  { id: "ubnd-tt", name: "Ủy ban nhân dân phường Thượng Thanh", aliases: ["UBND phường", "phường"] },
  { id: "du-tt", name: "Đảng ủy phường Thượng Thanh", aliases: ["Đảng ủy phường"] },
];

/**
 * Expected reading of the nine conclusions. Decisions recorded here:
 * - item 2 (and 4, 8) "Duy trì …" is an ongoing task: recurring, no deadline;
 * - item 6 "trong nhiệm kỳ 2020 - 2025" ends on 31/12/2025 unless a real term end is configured;
 * - item 8's "nhiệm kỳ 2020 – 2025" names the congress and is not read as a deadline.
 */
const EXPECTED: Array<[number, string, string, string, string | null, string | null]> = [
  [1, "economy", "Về phát triển kinh tế", "year", "2020-12-31", "trong năm 2020"],
  [2, "urban_management", "Công tác quản lý đô thị", "recurring", null, "Duy trì"],
  [3, "land", "Công tác quản lý đất đai", "none", null, null],
  [4, "administrative_reform", "Công tác cải cách hành chính", "recurring", null, "Duy trì"],
  [5, "culture_society", "Công văn hóa xã hội", "year", "2020-12-31", "năm 2020"],
  [6, "education", "Công tác giáo dục", "term", "2025-12-31", "trong nhiệm kỳ 2020 - 2025"],
  [7, "fire_prevention", "Công tác phòng cháy chữa cháy", "recurring", null, "thường xuyên"],
  [8, "party_building", "Công tác xây dựng Đảng", "recurring", null, "Duy trì"],
  [9, "proposals", "Đối với các nhóm kiến nghị, đề xuất của phường", "none", null, null],
];

function unitsOf(item: ProposedItem): [string | null, string[]] {
  const show = (u: { text: string; unitId: string | number | null }) => `${u.text}=${u.unitId ?? "?"}`;
  return [item.leadUnit ? show(item.leadUnit) : null, item.coordinatingUnits.map(show)];
}

const SOURCES: Array<[string, string]> = [
  ["the seed article", readFileSync(SEED, "utf8")],
  ["the inline excerpt", EXCERPT],
];

describe.each(SOURCES)("readConclusion on %s", (_name, text) => {
  it("finds the nine conclusions after 'Kết luận … yêu cầu :' and stops before the closing", () => {
    const reading = readConclusion(text ?? "", { sessionDate: "2020-01-02", units: UNITS });
    expect(reading.listsFound).toBe(2);
    expect(reading.anchor).toMatch(/^Kết luận buổi làm việc.*yêu cầu :$/);
    expect(reading.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(reading.items.map((i) => i.area.code)).toEqual(EXPECTED.map((e) => e[1]));
    for (const item of reading.items) {
      expect(item.subItems).toEqual([]);
      expect(item.source).not.toMatch(/Tiếp thu/);
      expect(item.source.startsWith(`${item.number}. `)).toBe(true);
    }
    expect(reading.items[8]?.text).toBe(
      "thống nhất và giao UBND phường phối hợp với các phòng, ban liên quan quận hoàn thiện các thủ tục, các bước theo lộ trình.",
    );
  });

  it.each(EXPECTED)("item %i: %s, heading %j, deadline %s %s", (n, code, heading, kind, date, phrase) => {
    const item = readConclusion(text ?? "", { sessionDate: "2020-01-02", units: UNITS }).items[n - 1];
    expect(item?.area).toMatchObject({ code, heading });
    expect(item?.deadline).toMatchObject({ kind, date, phrase });
  });

  it("labels areas in Vietnamese, the typo included", () => {
    const items = readConclusion(text ?? "").items;
    expect(items[0]?.area.label).toBe("Phát triển kinh tế");
    expect(items[1]?.area.label).toBe("Quản lý đô thị");
    expect(items[4]?.area.label).toBe("Văn hóa - xã hội");
  });

  it("proposes lead and coordinating units", () => {
    const items = readConclusion(text ?? "", { units: UNITS }).items;
    expect(items.map(unitsOf)).toEqual([
      [null, []],
      [null, []],
      ["phường=ubnd-tt", ["các phòng ban chuyên môn quận=?"]],
      [null, []],
      [null, []],
      [null, []],
      [null, []],
      ["Đảng ủy phường=du-tt", []],
      ["UBND phường=ubnd-tt", ["các phòng, ban liên quan quận=?"]],
    ]);
  });

  it("gives the clause that carries the deadline of item 1", () => {
    const item = readConclusion(text ?? "").items[0];
    expect(item?.deadline.clause).toBe("kết thúc việc chăn nuôi ở khu dân cư trong năm 2020");
  });

  it("ends the education term on the configured date", () => {
    const item = readConclusion(text ?? "", { termEnds: { "2020-2025": "2025-06-30" } }).items[5];
    expect(item?.deadline).toMatchObject({ kind: "term", date: "2025-06-30" });
  });
});

const NOTICE = `QUẬN ỦY LONG BIÊN
Số 136-TB/QU
THÔNG BÁO
Kết luận của Thường trực Quận ủy tại buổi làm việc với phường Thượng Thanh
Đồng chí Bí thư Quận ủy kết luận như sau:
1. Về phát triển kinh tế
a) Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Chi cục Thuế quận, UBND phường rà soát các nguồn thu; hoàn thành trước ngày 30/6/2020.
b) Giao UBND phường xây dựng chợ an toàn thực phẩm; hoàn thành trong quý IV/2020.
2. Về quản lý đô thị: Giao Phòng Quản lý đô thị chủ trì, phối hợp với UBND phường kiểm tra trật tự xây dựng; báo cáo trong tháng 3.
3. Về công tác phòng cháy chữa cháy: thường xuyên kiểm tra các hộ kinh doanh.
4. Về quốc phòng, an ninh: Công an phường chủ động nắm tình hình.
Văn phòng Quận ủy thông báo để các đơn vị biết, thực hiện./.
Nơi nhận:
- Thường trực Quận ủy,
- Lưu VPQU.`;

describe("readConclusion on a conclusion notice", () => {
  const units = [
    { id: 1, name: "Phòng Tài chính - Kế hoạch" },
    { id: 2, name: "Chi cục Thuế quận Long Biên", aliases: ["Chi cục Thuế quận"] },
    { id: 3, name: "UBND phường Thượng Thanh", aliases: ["UBND phường"] },
    { id: 4, name: "Phòng Quản lý đô thị" },
  ];
  const reading = readConclusion(NOTICE, { units, sessionDate: "2020-01-10" });

  it("takes the numbered list, not the recipients' dashes", () => {
    expect(reading.items.map((i) => [i.number, i.area.code, i.area.heading])).toEqual([
      [1, "economy", "Về phát triển kinh tế"],
      [2, "urban_management", "Về quản lý đô thị"],
      [3, "fire_prevention", "Về công tác phòng cháy chữa cháy"],
      [4, "other", "Về quốc phòng, an ninh"],
    ]);
    expect(reading.anchor).toBe("Đồng chí Bí thư Quận ủy kết luận như sau:");
  });

  it("reads sub-items with their own units and deadlines; the item ends with the last of them", () => {
    const [first] = reading.items;
    expect(first?.text).toBe("");
    expect(
      first?.subItems.map((s) => [
        s.marker,
        s.leadUnit?.unitId,
        s.coordinatingUnits.map((u) => u.unitId),
        s.deadline.kind,
        s.deadline.date,
      ]),
    ).toEqual([
      ["a)", 1, [2, 3], "date", "2020-06-30"],
      ["b)", 3, [], "quarter", "2020-12-31"],
    ]);
    expect(first?.deadline).toMatchObject({ kind: "quarter", date: "2020-12-31" });
    expect(first?.source.split("\n")).toHaveLength(3);
  });

  it("reads units and deadlines of plain items", () => {
    const [, second, third, fourth] = reading.items;
    expect(second?.leadUnit?.unitId).toBe(4);
    expect(second?.coordinatingUnits.map((u) => u.unitId)).toEqual([3]);
    expect(second?.deadline).toMatchObject({ kind: "month", date: "2020-03-31", phrase: "trong tháng 3" });
    expect(third?.deadline).toMatchObject({ kind: "recurring", date: null });
    expect(fourth?.leadUnit).toEqual({ text: "Công an phường", unitId: null, candidateIds: [] });
  });
});

describe("readConclusion on other shapes", () => {
  it("reads 'Một là…' run inline in a news paragraph", () => {
    const text =
      "Kết luận hội nghị, đồng chí Chủ tịch đề nghị phường: Một là, về kinh tế: rà soát nguồn thu trong năm nay; hai là, thường xuyên kiểm tra PCCC; ba là, giao Đảng ủy phường chỉ đạo đại hội trong quý II.";
    const items = readConclusion(text, { sessionDate: "2020-01-02" }).items;
    expect(
      items.map((i) => [i.number, i.marker, i.area.code, i.text, i.deadline.kind, i.deadline.date]),
    ).toEqual([
      [1, "Một là,", "economy", "rà soát nguồn thu trong năm nay", "year", "2020-12-31"],
      [2, "hai là,", "other", "thường xuyên kiểm tra PCCC", "recurring", null],
      [3, "ba là,", "other", "giao Đảng ủy phường chỉ đạo đại hội trong quý II.", "quarter", "2020-06-30"],
    ]);
    expect(items[2]?.leadUnit?.text).toBe("Đảng ủy phường");
  });

  it("reads 'Thứ nhất…' lines and numbers dash items by position", () => {
    expect(
      readConclusion(
        "Đồng chí yêu cầu:\nThứ nhất, về giáo dục: xây trường.\nThứ hai, về đất đai: cấp giấy.",
      ).items.map((i) => [i.number, i.area.code]),
    ).toEqual([
      [1, "education"],
      [2, "land"],
    ]);
    expect(
      readConclusion("Kết luận, đồng chí đề nghị:\n- Về y tế: tiêm chủng.\n- Về đô thị: trật tự.").items.map(
        (i) => [i.number, i.area.code],
      ),
    ).toEqual([
      [1, "culture_society"],
      [2, "urban_management"],
    ]);
  });

  it("leaves dates without a year unresolved when no session date is given", () => {
    const items = readConclusion("Kết luận:\n1. Hoàn thành trước ngày 30/6.\n2. Trong năm nay.").items;
    expect(items.map((i) => [i.deadline.kind, i.deadline.date])).toEqual([
      ["date", null],
      ["year", null],
    ]);
  });

  it("proposes nothing for a text without a list", () => {
    expect(readConclusion("Phường tổ chức hội nghị tổng kết năm 2019.")).toEqual({
      items: [],
      anchor: null,
      listsFound: 0,
    });
    expect(readConclusion("")).toEqual({ items: [], anchor: null, listsFound: 0 });
  });
});
