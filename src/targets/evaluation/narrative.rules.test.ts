import { describe, expect, it } from "vitest";
import {
  type ActualFigures,
  type EvaluationInput,
  evaluateIndicator,
  type IndicatorSemantics,
} from "./evaluation.math.js";
import { composeNarrative, type NarrativeIndicator, selectHighlights } from "./narrative.rules.js";

const ratio = (unit: string): IndicatorSemantics => ({
  direction: "higher_is_better",
  comparisonMode: "ratio",
  valueType: "number",
  unit,
});
const rate: IndicatorSemantics = {
  direction: "higher_is_better",
  comparisonMode: "points",
  valueType: "rate",
  unit: "%",
};
const ceiling: IndicatorSemantics = { ...rate, direction: "lower_is_better" };

function indicator(
  name: string,
  semantics: IndicatorSemantics,
  target: number | null,
  actual: ActualFigures,
): NarrativeIndicator {
  const input: EvaluationInput = {
    semantics,
    targets: target === null ? [] : [{ revision: 0, level: { kind: "value", value: target } }],
    actual,
  };
  return { name, evaluation: evaluateIndicator(input) };
}

const GDVH = "tỷ lệ hộ gia đình được công nhận “Gia đình văn hóa”";
const TDPVH = "tỷ lệ tổ dân phố được công nhận “Tổ dân phố văn hóa”";

// 2019 as reported in the reference article: 16 targets, all exceeded. The article's percentages
// (111%, 104%, 125%, 200%, 500%) are reproduced by illustrative inputs, and the rates are printed in points.
const year2019: NarrativeIndicator[] = [
  indicator("thu ngân sách", ratio("tỷ đồng"), 36.8, { final: 40.848 }),
  indicator(GDVH, rate, 88, { final: 91.52 }),
  indicator(TDPVH, rate, 67, { final: 83.75 }),
  indicator("số đảng viên được kết nạp", ratio("đảng viên"), 8, { final: 16 }),
  indicator("số hộ thoát nghèo", ratio("hộ"), 2, { final: 10 }),
  ...Array.from({ length: 11 }, (_, i) => indicator(`chỉ tiêu ${i + 6}`, ratio("%"), 100, { final: 101 })),
];

describe("composeNarrative", () => {
  it("writes the 2019 paragraph of the reference article from computed figures", () => {
    expect(
      composeNarrative({ unitName: "phường Thượng Thanh", periodLabel: "năm 2019", indicators: year2019 }),
    ).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu; " +
        "nhiều chỉ tiêu vượt cao so với kế hoạch giao như số hộ thoát nghèo đạt 500%; " +
        "số đảng viên được kết nạp đạt 200%; " +
        `${TDPVH} đạt 83,75%, vượt 16,75 điểm phần trăm; ` +
        "thu ngân sách đạt 111%; " +
        `${GDVH} đạt 91,52%, vượt 3,52 điểm phần trăm.`,
    );
  });

  it("separates short ratio highlights with commas", () => {
    const indicators = [year2019[0], year2019[3], year2019[4]] as NarrativeIndicator[];
    expect(composeNarrative({ unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators })).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành 3/3 chỉ tiêu, trong đó vượt mức 3 chỉ tiêu; " +
        "nhiều chỉ tiêu vượt cao so với kế hoạch giao như số hộ thoát nghèo đạt 500%, " +
        "số đảng viên được kết nạp đạt 200%, thu ngân sách đạt 111%.",
    );
  });

  // The term 2015–2020 figures of the article, plus one target missed, one without data and an estimate.
  const term: NarrativeIndicator[] = [
    indicator("thu ngân sách bình quân hàng năm", ratio("tỷ đồng"), 34.8, { estimate: 37.6 }),
    indicator(`${GDVH} bình quân`, rate, 88, { final: 90.42 }),
    indicator(`${TDPVH} bình quân`, rate, 67, { final: 82.65 }),
    indicator("kết nạp đảng viên", ratio("đảng viên"), 50, { final: 70 }),
    indicator("tỷ lệ hộ nghèo", ceiling, 1, { final: 0.17 }),
    indicator("tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên", rate, 95, { final: 94 }),
    indicator("số hộ thoát nghèo hàng năm", ratio("hộ"), 2, {}),
  ];

  it("lists what was not met, what has no data and what rests on estimates", () => {
    const text = composeNarrative(
      { unitName: "phường Thượng Thanh", periodLabel: "Nhiệm kỳ 2015–2020", indicators: term },
      { highlightCount: 3 },
    );
    expect(text).toBe(
      "Nhiệm kỳ 2015–2020, phường Thượng Thanh đã hoàn thành 5/6 chỉ tiêu, trong đó vượt mức 5 chỉ tiêu; " +
        "nhiều chỉ tiêu vượt cao so với kế hoạch giao như kết nạp đảng viên đạt 140%; " +
        `${TDPVH} bình quân đạt 82,65%, vượt 15,65 điểm phần trăm; ` +
        "thu ngân sách bình quân hàng năm đạt 108,05%. " +
        "Còn 1 chỉ tiêu chưa đạt: tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 94%, " +
        "thấp hơn chỉ tiêu 1 điểm phần trăm. " +
        "Chưa có số liệu: số hộ thoát nghèo hàng năm. " +
        "Số liệu của thu ngân sách bình quân hàng năm là số ước thực hiện.",
    );
  });

  it("uses the customary style on request", () => {
    const text = composeNarrative(
      { unitName: "phường Thượng Thanh", periodLabel: "Nhiệm kỳ 2015–2020", indicators: term.slice(0, 5) },
      { style: "customary", highlightCount: 10 },
    );
    expect(text).toBe(
      "Nhiệm kỳ 2015–2020, phường Thượng Thanh đã hoàn thành 5/5 chỉ tiêu, trong đó vượt mức 5 chỉ tiêu; " +
        "nhiều chỉ tiêu vượt cao so với kế hoạch giao như kết nạp đảng viên đạt 140%; " +
        `${TDPVH} bình quân đạt 82,65%, vượt 15,65%; ` +
        "thu ngân sách bình quân hàng năm đạt 108%; " +
        `${GDVH} bình quân đạt 90,42%, vượt 2,42%; ` +
        "tỷ lệ hộ nghèo ở mức 0,17%, thấp hơn mức trần 0,83%. " +
        "Số liệu của thu ngân sách bình quân hàng năm là số ước thực hiện.",
    );
  });

  it("cites a single highlight as 'nổi bật là'", () => {
    const text = composeNarrative(
      { unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators: year2019 },
      { highlightCount: 1 },
    );
    expect(text).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu; " +
        "nổi bật là số hộ thoát nghèo đạt 500%.",
    );
  });

  it("says nothing about exceeding when nothing exceeded, and pads counts on request", () => {
    const indicators = [
      indicator("thu ngân sách", ratio("tỷ đồng"), 36.8, { final: 36.8 }),
      indicator("tỷ lệ hộ nghèo", ceiling, 1, { final: 1 }),
      indicator("chi ngân sách", ratio("tỷ đồng"), 17.7, { final: 15 }),
    ];
    expect(
      composeNarrative(
        { unitName: "phường Ngọc Thụy", periodLabel: "Năm 2020", indicators },
        { padCounts: true },
      ),
    ).toBe(
      "Năm 2020, phường Ngọc Thụy đã hoàn thành 02/03 chỉ tiêu. " +
        "Còn 1 chỉ tiêu chưa đạt: chi ngân sách đạt 84,75% kế hoạch, chưa đạt (thiếu 15,25%).",
    );
  });

  it("does not pretend to evaluate when there is no data", () => {
    const indicators = [
      indicator("thu ngân sách", ratio("tỷ đồng"), 36.8, {}),
      indicator("tỷ lệ hộ nghèo", ceiling, 1, { final: null }),
      indicator("số mô hình mới", ratio("mô hình"), null, { final: 3 }),
    ];
    expect(composeNarrative({ unitName: "phường Việt Hưng", periodLabel: "Năm 2020", indicators })).toBe(
      "Năm 2020, phường Việt Hưng chưa có chỉ tiêu nào đủ số liệu để đánh giá. " +
        "Chưa có số liệu: thu ngân sách, tỷ lệ hộ nghèo. Chưa giao mức kế hoạch: số mô hình mới.",
    );
  });

  it("says once that all figures are estimates, and names several with 'và'", () => {
    const all = [
      indicator("thu ngân sách", ratio("tỷ đồng"), 36.8, { estimate: 40.848 }),
      indicator("số đảng viên được kết nạp", ratio("đảng viên"), 8, { estimate: 16 }),
    ];
    expect(
      composeNarrative({ unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators: all }),
    ).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành 2/2 chỉ tiêu, trong đó vượt mức 2 chỉ tiêu; " +
        "nhiều chỉ tiêu vượt cao so với kế hoạch giao như số đảng viên được kết nạp đạt 200%, thu ngân sách đạt 111%. " +
        "Các số liệu trên là số ước thực hiện.",
    );
    const some = [
      ...all,
      ...year2019.slice(3, 4),
      indicator("chi ngân sách", ratio("tỷ đồng"), 17.7, { estimate: 15 }),
    ];
    expect(
      composeNarrative({ unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators: some }),
    ).toMatch(
      / Số liệu của thu ngân sách, số đảng viên được kết nạp và chi ngân sách là số ước thực hiện\.$/,
    );
  });

  it("never prints an exceeded figure as 'đạt 100%'", () => {
    const indicators = [indicator("thu ngân sách", ratio("tỷ đồng"), 100, { final: 100.3 })];
    expect(
      composeNarrative(
        { unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators },
        { style: "customary" },
      ),
    ).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành 1/1 chỉ tiêu, trong đó vượt mức 1 chỉ tiêu; " +
        "nổi bật là thu ngân sách đạt 100,3%.",
    );
  });
});

describe("selectHighlights", () => {
  it("ranks by achievement, keeps input order on ties, puts ratio-less ones last", () => {
    const indicators = [
      indicator("trần", ceiling, 1, { final: 0.17 }),
      indicator("a", ratio("hộ"), 10, { final: 12 }),
      indicator("b", ratio("hộ"), 10, { final: 15 }),
      indicator("c", ratio("hộ"), 5, { final: 6 }),
      indicator("không đạt", ratio("hộ"), 10, { final: 5 }),
      indicator("bằng", ratio("hộ"), 10, { final: 10 }),
      indicator("kế hoạch 0", ratio("hộ"), 0, { final: 3 }),
    ];
    expect(selectHighlights(indicators).map((i) => i.name)).toEqual(["b", "a", "c", "trần", "kế hoạch 0"]);
    expect(selectHighlights(indicators, 2).map((i) => i.name)).toEqual(["b", "a"]);
    expect(selectHighlights(indicators, 0)).toEqual([]);
  });
});
