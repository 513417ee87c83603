import { describe, expect, it } from "vitest";
import { parseListMarker, splitInlineList } from "./list-markers.js";

describe("parseListMarker", () => {
  it.each([
    ["1. Về phát triển kinh tế : Tập trung", "number", 1, "1.", "Về phát triển kinh tế : Tập trung"],
    ["9. Đối với các nhóm kiến nghị", "number", 9, "9.", "Đối với các nhóm kiến nghị"],
    ["12) Giao Phòng Kinh tế chủ trì", "number", 12, "12)", "Giao Phòng Kinh tế chủ trì"],
    ["(3) Tăng cường kiểm tra", "number", 3, "(3)", "Tăng cường kiểm tra"],
    ["   2.Duy trì", "number", 2, "2.", "Duy trì"],
    ["1. 100% hộ gia đình", "number", 1, "1.", "100% hộ gia đình"],
    ["a) Giao UBND phường", "letter", 1, "a)", "Giao UBND phường"],
    ["b) Phối hợp", "letter", 2, "b)", "Phối hợp"],
    ["đ) Hoàn thành", "letter", 5, "đ)", "Hoàn thành"],
    ["e) Báo cáo", "letter", 6, "e)", "Báo cáo"],
    ["(c) Rà soát", "letter", 3, "(c)", "Rà soát"],
    ["v) Việc khác", "letter", 21, "v)", "Việc khác"],
    ["- Lãnh đạo phường báo cáo", "dash", 0, "-", "Lãnh đạo phường báo cáo"],
    ["– Các phòng, ban", "dash", 0, "–", "Các phòng, ban"],
    ["• Mục", "dash", 0, "•", "Mục"],
    ["-Lãnh đạo", "dash", 0, "-", "Lãnh đạo"],
    ["+ Ý nhỏ", "plus", 0, "+", "Ý nhỏ"],
    ["II. Ý KIẾN KẾT LUẬN", "roman", 2, "II.", "Ý KIẾN KẾT LUẬN"],
    ["IV. Kiến nghị", "roman", 4, "IV.", "Kiến nghị"],
    ["I. Tình hình", "roman", 1, "I.", "Tình hình"],
    ["Một là, tập trung phát triển kinh tế", "ordinal_la", 1, "Một là,", "tập trung phát triển kinh tế"],
    ["Hai là tăng cường", "ordinal_la", 2, "Hai là", "tăng cường"],
    ["Mười là: đổi mới", "ordinal_la", 10, "Mười là:", "đổi mới"],
    ["Thứ nhất, về kinh tế", "ordinal_thu", 1, "Thứ nhất,", "về kinh tế"],
    ["Thứ tư: xây dựng Đảng", "ordinal_thu", 4, "Thứ tư:", "xây dựng Đảng"],
    ["Mot la, khong dau", "ordinal_la", 1, "Mot la,", "khong dau"],
  ])("%j", (line, kind, number, marker, rest) => {
    expect(parseListMarker(line)).toEqual({ kind, number, marker, rest });
  });

  it.each([
    "Tiếp thu ý kiến chỉ đạo đồng chí Phạm Thị Minh Hồng",
    "2020. Năm bản lề",
    "1.2 triệu đồng",
    "30/6/2020 là hạn",
    "-5% so với cùng kỳ",
    "Thứ hai ngày 6/1/2020",
    "i. chữ thường không phải số La Mã",
    "Hai lần kiểm tra",
    "Một làng nghề",
    "",
    "   ",
  ])("%j is not a marker", (line) => {
    expect(parseListMarker(line)).toBeNull();
  });
});

describe("splitInlineList", () => {
  it("splits spelled-out ordinals after a colon and semicolons", () => {
    expect(
      splitInlineList(
        "Đồng chí đề nghị phường: Một là, tập trung thu ngân sách; hai là, giữ trật tự đô thị; ba là, xóa hộ nghèo.",
      ),
    ).toEqual({
      intro: "Đồng chí đề nghị phường:",
      items: ["Một là, tập trung thu ngân sách;", "hai là, giữ trật tự đô thị;", "ba là, xóa hộ nghèo."],
    });
  });

  it("splits Thứ nhất / Thứ hai and (1) (2)", () => {
    expect(splitInlineList("Thứ nhất, về kinh tế. Thứ hai, về đô thị.").items).toEqual([
      "Thứ nhất, về kinh tế.",
      "Thứ hai, về đô thị.",
    ]);
    expect(splitInlineList("Yêu cầu: (1) rà soát nguồn thu; (2) quản lý chung cư; (3) PCCC.")).toEqual({
      intro: "Yêu cầu:",
      items: ["(1) rà soát nguồn thu;", "(2) quản lý chung cư;", "(3) PCCC."],
    });
  });

  it.each([
    ["a single ordinal", "Một là, chỉ có một ý."],
    ["ordinals out of order", "Hai là, cái này; một là, cái kia."],
    ["a weekday inside a sentence", "Họp vào thứ hai, ngày 6/1 và thứ ba, ngày 7/1."],
    ["no list at all", "Tiếp thu ý kiến chỉ đạo, phường khẳng định sẽ thực hiện."],
  ])("does not split %s", (_label, text) => {
    expect(splitInlineList(text)).toEqual({ intro: text, items: [] });
  });

  it("takes the longest run when two kinds appear", () => {
    const result = splitInlineList("Một là, A; hai là, B; ba là, C. Thứ nhất, D; thứ hai, E.");
    expect(result.items).toEqual(["Một là, A;", "hai là, B;", "ba là, C. Thứ nhất, D; thứ hai, E."]);
  });
});
