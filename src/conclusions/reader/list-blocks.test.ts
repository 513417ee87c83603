import { describe, expect, it } from "vitest";
import { findConclusionList, findLists, paragraphsOf } from "./list-blocks.js";

function itemsOf(text: string): string[][] {
  const { list } = findConclusionList(text);
  return (list?.items ?? []).map((item) => [
    item.lines.join(" | "),
    ...item.subItems.map((s) => `${s.marker.marker} ${s.lines.join(" | ")}`),
  ]);
}

describe("paragraphsOf", () => {
  it("drops blank lines, trims, handles CR/LF and splits inline lists", () => {
    const paragraphs = paragraphsOf("  Mở đầu \r\n\r\nYêu cầu: Một là, A; hai là, B.\rKết thúc");
    expect(paragraphs.map((p) => [p.text, p.marker?.kind ?? null])).toEqual([
      ["Mở đầu", null],
      ["Yêu cầu:", null],
      ["Một là, A;", "ordinal_la"],
      ["hai là, B.", "ordinal_la"],
      ["Kết thúc", null],
    ]);
  });
});

describe("findConclusionList", () => {
  it("prefers the list after 'Kết luận … yêu cầu :' to an earlier 'đề nghị:' list", () => {
    const text = [
      "Đồng chí Bí thư đề nghị:",
      "- Lãnh đạo phường báo cáo rõ kết quả.",
      "- Các phòng, ban đánh giá kết quả.",
      "Đ/c Bí thư định hướng nội dung hội nghị.",
      "Phường báo cáo kết quả năm 2019.",
      "Kết luận buổi làm việc, đồng chí Bí thư yêu cầu :",
      "1. Về kinh tế: rà soát nguồn thu.",
      "2. Công tác giáo dục: xây dựng trường.",
      "Tiếp thu ý kiến chỉ đạo, phường sẽ thực hiện./.",
    ].join("\n");
    const { list, listsFound } = findConclusionList(text);
    expect(listsFound).toBe(2);
    expect(list?.kind).toBe("number");
    expect(list?.anchor).toBe("Kết luận buổi làm việc, đồng chí Bí thư yêu cầu :");
    expect(itemsOf(text)).toEqual([
      ["Về kinh tế: rà soát nguồn thu."],
      ["Công tác giáo dục: xây dựng trường."],
    ]);
  });

  it("returns null when the text has no list", () => {
    expect(findConclusionList("Không có danh sách nào.\nChỉ là văn bản.")).toEqual({
      list: null,
      listsFound: 0,
    });
    expect(findConclusionList("")).toEqual({ list: null, listsFound: 0 });
  });

  // [label, text, items (own lines joined by " | ", then sub-items)]
  const TABLE: Array<[string, string, string[][]]> = [
    [
      "sub-items a), b) and dashes under numbered items",
      "Đồng chí Chủ tịch kết luận như sau:\n1. Về kinh tế:\na) Rà soát thu;\nb) Xây chợ.\n2. Về đô thị:\n- Duy trì trật tự.\n+ Chi tiết.",
      [
        ["Về kinh tế:", "a) Rà soát thu;", "b) Xây chợ."],
        ["Về đô thị:", "- Duy trì trật tự.", "+ Chi tiết."],
      ],
    ],
    [
      "a paragraph between two items belongs to the first",
      "Kết luận:\n1. Về kinh tế: rà soát.\nTập trung thu ngân sách.\n2. Về đô thị: duy trì.\nTiếp thu ý kiến chỉ đạo.",
      [["Về kinh tế: rà soát. | Tập trung thu ngân sách."], ["Về đô thị: duy trì."]],
    ],
    [
      "a line wrapped mid-sentence continues the last item",
      "Kết luận:\n1. Về kinh tế: rà soát.\n2. Về đô thị: duy trì trật tự\nđô thị trên địa bàn.\nTiếp thu ý kiến chỉ đạo.",
      [["Về kinh tế: rà soát."], ["Về đô thị: duy trì trật tự | đô thị trên địa bàn."]],
    ],
    [
      "a photo caption between items is dropped",
      "Kết luận:\n1. Về kinh tế: rà soát.\nĐ/c Bí thư phát biểu kết luận\n2. Về đô thị: duy trì.\nẢnh: Quang cảnh hội nghị",
      [["Về kinh tế: rà soát."], ["Về đô thị: duy trì."]],
    ],
    [
      "a numbering restart ends the list; the one after 'kết luận' wins",
      "I. Kết quả\n1. Thu ngân sách đạt 111%.\n2. Xếp thứ 1/14.\nII. Ý kiến kết luận\n1. Về kinh tế: rà soát.\n2. Về giáo dục: xây trường.\n3. Về PCCC: kiểm tra.",
      [["Về kinh tế: rà soát."], ["Về giáo dục: xây trường."], ["Về PCCC: kiểm tra."]],
    ],
    [
      "Thứ nhất / Thứ hai on their own lines",
      "Đồng chí yêu cầu:\nThứ nhất, tập trung thu ngân sách.\nThứ hai, quản lý đô thị.\nĐồng chí cảm ơn.",
      [["tập trung thu ngân sách."], ["quản lý đô thị."]],
    ],
    [
      "Một là inline in one paragraph",
      "Kết luận hội nghị, đồng chí đề nghị phường: Một là, thu ngân sách; hai là, giữ trật tự; ba là, xóa hộ nghèo trong năm 2020.",
      [["thu ngân sách;"], ["giữ trật tự;"], ["xóa hộ nghèo trong năm 2020."]],
    ],
    ["a skipped number ends the list", "Kết luận:\n1. Một.\n3. Ba.", [["Một."]]],
  ];

  it.each(TABLE)("%s", (_label, text, items) => {
    expect(itemsOf(text)).toEqual(items);
  });
});

describe("findLists", () => {
  it("scores a list introduced by 'kết luận' above one introduced by 'đề nghị:' above a bare one", () => {
    const text = "- Bare A\n- Bare B\nĐồng chí đề nghị:\n- X\n- Y\nCảm ơn.\nKết luận:\n1. Một.\n2. Hai.";
    const scores = findLists(text).map((l) => [l.kind, l.items.length, l.score]);
    expect(scores).toEqual([
      ["dash", 2, 1],
      ["dash", 2, 4],
      ["number", 2, 9],
    ]);
  });
});
