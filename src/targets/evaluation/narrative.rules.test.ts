import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type ActualFigures,
  type EvaluationInput,
  evaluateIndicator,
  type IndicatorSemantics,
} from "./evaluation.math.js";
import { composeNarrative, type NarrativeIndicator, selectHighlights } from "./narrative.rules.js";
import type { NarrativeProgress, NarrativeSamePeriod, NarrativeTarget } from "./narrative-phrases.rules.js";

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
  return { name, evaluation: evaluateIndicator(input), unit: semantics.unit };
}

/** In the catalogue's order of importance: the order the indicators are listed in. */
const ordered = (list: NarrativeIndicator[]) => list.map((i, order) => ({ ...i, order }));

const ARTICLE = readFileSync(
  new URL("../../../test/fixtures/thuong-thanh-2020-01-02.txt", import.meta.url),
  "utf8",
);
/** The article's text, folded for comparison: one kind of quote, one space, lower case. */
const fold = (text: string) => text.replace(/[“”"]/g, '"').replace(/\s+/g, " ").toLocaleLowerCase("vi-VN");

const GDVH = "tỷ lệ hộ gia đình được công nhận “Gia đình văn hóa”";
const TDPVH = "tỷ lệ tổ dân phố được công nhận “Tổ dân phố văn hóa”";

// 2019 as reported in the reference article: 16 targets, all exceeded. The article's percentages
// (111%, 104%, 125%, 200%, 500%) are reproduced by illustrative inputs, and the rates are printed in points.
const year2019: NarrativeIndicator[] = ordered([
  indicator("thu ngân sách", ratio("tỷ đồng"), 36.8, { final: 40.848 }),
  indicator(GDVH, rate, 88, { final: 91.52 }),
  indicator(TDPVH, rate, 67, { final: 83.75 }),
  indicator("số đảng viên được kết nạp", ratio("đảng viên"), 8, { final: 16 }),
  indicator("số hộ thoát nghèo", ratio("hộ"), 2, { final: 10 }),
  ...Array.from({ length: 11 }, (_, i) => indicator(`chỉ tiêu ${i + 6}`, ratio("%"), 100, { final: 101 })),
]);

const STANDING_2019 = {
  rank: { position: 1, of: 14, rater: "quận", peers: "phường" },
  quality: { level: "Hoàn thành xuất sắc nhiệm vụ", subject: "Đảng bộ phường" },
  awards: {
    titles: ["Cờ thi đua của Chính phủ", "Cờ thi đua của UBND Thành phố"],
    proposer: "Hội đồng thi đua khen thưởng quận",
  },
};

describe("composeNarrative: the reference article", () => {
  const text = composeNarrative(
    {
      unitName: "phường Thượng Thanh",
      periodLabel: "năm 2019",
      indicators: year2019,
      standing: STANDING_2019,
    },
    { style: "customary" },
  );

  it("writes the 2019 paragraph in the catalogue's order, with the rank, the level and the awards", () => {
    expect(text).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu, trong đó có nhiều chỉ tiêu vượt cao " +
        "so với kế hoạch giao như thu ngân sách đạt 111%; " +
        `${GDVH} đạt 91,52%, vượt 3,52%; ` +
        `${TDPVH} đạt 83,75%, vượt 16,75%; ` +
        "số đảng viên được kết nạp đạt 200%; số hộ thoát nghèo đạt 500%. " +
        "Với những kết quả đã đạt được, phường Thượng Thanh được quận đánh giá thi đua xếp thứ 1/14 phường. " +
        "Đảng bộ phường được công nhận “hoàn thành xuất sắc nhiệm vụ”. " +
        "Phường Thượng Thanh được Hội đồng thi đua khen thưởng quận đề xuất tặng cờ thi đua của Chính phủ " +
        "và cờ thi đua của UBND Thành phố.",
    );
  });

  it.each([
    "phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu, trong đó có nhiều chỉ tiêu vượt cao so với kế hoạch giao như thu ngân sách đạt 111%",
    "số đảng viên được kết nạp đạt 200%",
    "số hộ thoát nghèo đạt 500%",
    "Với những kết quả đã đạt được, phường Thượng Thanh được quận đánh giá thi đua xếp thứ 1/14 phường",
    "Đảng bộ phường được công nhận",
    "hoàn thành xuất sắc nhiệm vụ",
    "Phường Thượng Thanh được Hội đồng thi đua khen thưởng quận đề xuất tặng cờ thi đua của Chính phủ",
  ])("says what the article says: %s", (sentence) => {
    expect(fold(text)).toContain(fold(sentence));
    expect(fold(ARTICLE)).toContain(fold(sentence));
  });

  it("never leads with the largest ratio: revenue comes first, 500% last", () => {
    expect(text.indexOf("thu ngân sách")).toBeLessThan(text.indexOf("số hộ thoát nghèo đạt 500%"));
    expect(text).not.toContain("đã hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu");
  });

  // The term 2015–2020 figures of the article, plus one target missed and one without data.
  const term: NarrativeIndicator[] = ordered([
    { ...indicator("thu ngân sách", ratio("tỷ đồng"), 34.8, { final: 37.6 }), aggregation: "mean" },
    { ...indicator(GDVH, rate, 88, { final: 90.42 }), aggregation: "mean" },
    { ...indicator("kết nạp đảng viên", ratio("đảng viên"), 50, { final: 70 }), aggregation: "sum" },
    {
      ...indicator("tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên", rate, 95, { final: 94 }),
      aggregation: "mean",
    },
    { ...indicator("số hộ thoát nghèo hàng năm", ratio("hộ"), 2, {}), aggregation: "mean" },
  ]);

  it("writes the term paragraph with 'bình quân hàng năm' as the article does", () => {
    const paragraph = composeNarrative(
      { unitName: "phường Thượng Thanh", periodLabel: "Nhiệm kỳ 2015–2020", indicators: term },
      { style: "customary" },
    );
    expect(paragraph).toBe(
      "Nhiệm kỳ 2015–2020, phường Thượng Thanh đã hoàn thành 3/4 chỉ tiêu, trong đó 3 chỉ tiêu vượt mức: " +
        "thu ngân sách bình quân hàng năm 37,6 tỷ đồng (vượt 8% chỉ tiêu); " +
        `${GDVH} bình quân hàng năm 90,42% (vượt 2,42%); ` +
        "kết nạp đảng viên 70 đảng viên (140% chỉ tiêu nhiệm kỳ). " +
        "Còn 1 chỉ tiêu chưa đạt: tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên bình quân hàng năm 94% " +
        "(thấp hơn chỉ tiêu 1%). Chưa có số liệu: số hộ thoát nghèo hàng năm.",
    );
    for (const phrase of [
      "thu ngân sách bình quân hàng năm 37,6 tỷ đồng (vượt 8% chỉ tiêu)",
      "90,42% (vượt 2,42%)",
      "(140% chỉ tiêu nhiệm kỳ)",
    ]) {
      expect(fold(ARTICLE)).toContain(fold(phrase));
    }
  });
});

describe("composeNarrative: a six-month review", () => {
  const progress = (yearTarget: number, yearTargetPct: number, onTrack: boolean): NarrativeProgress => ({
    yearTarget,
    yearTargetPct,
    expectedPct: 50,
    onTrack,
  });
  const same = (actual: number, change: number, changePct: number | null): NarrativeSamePeriod => ({
    actual,
    change,
    changePct,
  });
  const revenue = {
    ...indicator("thu ngân sách", ratio("tỷ đồng"), null, { final: 21.84 }),
    progress: progress(42, 52, true),
    samePeriod: same(20.2, 1.64, 8.12),
  };
  const twoTargets: NarrativeTarget[] = [
    { assignedBy: "council", value: 42, achievementPct: 52 },
    { assignedBy: "higher", value: 40, achievementPct: 54.6 },
  ];
  const review: NarrativeIndicator[] = ordered([
    { ...revenue, targets: twoTargets },
    { ...indicator(GDVH, rate, null, { final: 89.5 }), samePeriod: same(88.1, 1.4, null) },
    {
      ...indicator("số đảng viên được kết nạp", ratio("đảng viên"), null, { final: 2 }),
      progress: progress(8, 25, false),
      samePeriod: same(3, -1, -33.33),
    },
    { ...indicator("số hộ thoát nghèo", ratio("hộ"), null, { final: 10 }), progress: progress(2, 500, true) },
  ]);

  it("reads as progress against the year, with both targets and the same period last year", () => {
    const text = composeNarrative(
      {
        unitName: "phường Thượng Thanh",
        periodLabel: "6 tháng đầu năm 2019",
        indicators: review,
        council: "HĐND phường",
      },
      { digits: 1 },
    );
    expect(text).toBe(
      "6 tháng đầu năm 2019, phường Thượng Thanh có 2/3 chỉ tiêu đạt tiến độ đề ra; cụ thể: " +
        "thu ngân sách đạt 54,6% dự toán cấp trên giao, đạt 52% dự toán HĐND phường giao, đúng tiến độ, " +
        "tăng 8,1% so với cùng kỳ; " +
        `${GDVH} đạt 89,5%, tăng 1,4 điểm phần trăm so với cùng kỳ; ` +
        "số hộ thoát nghèo đạt 500% kế hoạch năm, đúng tiến độ. " +
        "Còn 1 chỉ tiêu chậm so với tiến độ: số đảng viên được kết nạp đạt 25% kế hoạch năm, " +
        "chậm so với tiến độ (dự kiến 50%).",
    );
    expect(text).not.toMatch(/chưa đạt|chưa giao/);
  });

  it("says '6 tháng đầu năm đạt 52% dự toán năm, đúng tiến độ' for one target, in whole numbers", () => {
    const text = composeNarrative(
      {
        unitName: "phường Thượng Thanh",
        periodLabel: "6 tháng đầu năm 2019",
        indicators: [revenue],
        kind: "part",
      },
      { style: "customary" },
    );
    expect(text).toBe(
      "6 tháng đầu năm 2019, phường Thượng Thanh có 1/1 chỉ tiêu đạt tiến độ đề ra; nổi bật là " +
        "thu ngân sách đạt 52% dự toán năm, đúng tiến độ, tăng 8% so với cùng kỳ.",
    );
  });
});

describe("composeNarrative: counts and quantifiers", () => {
  const revenue = indicator("thu ngân sách", ratio("tỷ đồng"), 36.8, { final: 40.848 });
  const members = indicator("số đảng viên được kết nạp", ratio("đảng viên"), 8, { final: 16 });

  it("never says 'nhiều chỉ tiêu' of two", () => {
    const text = composeNarrative({
      unitName: "phường Thượng Thanh",
      periodLabel: "Năm 2019",
      indicators: [revenue, members],
    });
    expect(text).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành vượt mức 2 chỉ tiêu; nổi bật là thu ngân sách đạt 111% " +
        "và số đảng viên được kết nạp đạt 200%.",
    );
    expect(text).not.toContain("nhiều");
  });

  it("cites a single highlight as 'nổi bật là'", () => {
    const text = composeNarrative(
      { unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators: year2019 },
      { highlightCount: 1 },
    );
    expect(text).toBe(
      "Năm 2019, phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu; nổi bật là thu ngân sách đạt 111%.",
    );
  });

  it("counts met and exceeded apart when not every target was exceeded", () => {
    const indicators = [
      revenue,
      indicator("tỷ lệ hộ nghèo", ceiling, 1, { final: 1 }),
      indicator("chi ngân sách", ratio("tỷ đồng"), 17.7, { final: 15 }),
    ];
    expect(
      composeNarrative(
        { unitName: "phường Ngọc Thụy", periodLabel: "Năm 2020", indicators },
        { padCounts: true },
      ),
    ).toBe(
      "Năm 2020, phường Ngọc Thụy đã hoàn thành 02/03 chỉ tiêu, trong đó 1 chỉ tiêu vượt mức; " +
        "nổi bật là thu ngân sách đạt 111%. " +
        "Còn 1 chỉ tiêu chưa đạt: chi ngân sách đạt 84,75% kế hoạch, chưa đạt (thiếu 15,25%).",
    );
  });

  it("prints whole numbers or one decimal as chosen, the indicator's choice first", () => {
    const close = indicator("thu ngân sách", ratio("tỷ đồng"), 100, { final: 101.26 });
    const input = { unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators: [close] };
    expect(composeNarrative(input, { digits: 1 })).toContain("thu ngân sách đạt 101,3%.");
    expect(composeNarrative(input, { digits: 0 })).toContain("thu ngân sách đạt 101%.");
    expect(composeNarrative({ ...input, indicators: [{ ...close, digits: 0 }] }, { digits: 1 })).toContain(
      "thu ngân sách đạt 101%.",
    );
    const slim = indicator("thu ngân sách", ratio("tỷ đồng"), 100, { final: 100.3 });
    expect(composeNarrative({ ...input, indicators: [slim] }, { digits: 0 })).toContain("đạt 100,3%.");
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
      "Năm 2019, phường Thượng Thanh đã hoàn thành vượt mức 2 chỉ tiêu; nổi bật là thu ngân sách đạt 111% " +
        "và số đảng viên được kết nạp đạt 200%. Các số liệu trên là số ước thực hiện.",
    );
    const some = [...all, members, indicator("chi ngân sách", ratio("tỷ đồng"), 17.7, { estimate: 15 })];
    expect(
      composeNarrative({ unitName: "phường Thượng Thanh", periodLabel: "Năm 2019", indicators: some }),
    ).toMatch(
      / Số liệu của thu ngân sách, số đảng viên được kết nạp và chi ngân sách là số ước thực hiện\.$/,
    );
  });

  it("says 'đồng hạng' for a tie and leaves out what emulation has not decided", () => {
    const text = composeNarrative({
      unitName: "phường Ngọc Thụy",
      periodLabel: "Năm 2019",
      indicators: [revenue],
      standing: { rank: { position: 2, of: 14, tied: true, rater: "quận", peers: "phường" }, quality: null },
    });
    expect(text).toMatch(
      / Với những kết quả đã đạt được, phường Ngọc Thụy được quận đánh giá thi đua xếp đồng hạng thứ 2\/14 phường\.$/,
    );
  });
});

describe("selectHighlights", () => {
  it("takes the exceeded ones in the catalogue's order of importance, not by ratio", () => {
    const indicators = ordered([
      indicator("thu ngân sách", ratio("tỷ đồng"), 10, { final: 11 }),
      indicator("không đạt", ratio("hộ"), 10, { final: 5 }),
      indicator("trần", ceiling, 1, { final: 0.17 }),
      indicator("số hộ thoát nghèo", ratio("hộ"), 2, { final: 10 }),
      indicator("bằng", ratio("hộ"), 10, { final: 10 }),
    ]);
    const shuffled = [
      indicators[3],
      indicators[0],
      indicators[2],
      indicators[1],
      indicators[4],
    ] as NarrativeIndicator[];
    expect(selectHighlights(shuffled).map((i) => i.name)).toEqual([
      "thu ngân sách",
      "trần",
      "số hộ thoát nghèo",
    ]);
    expect(selectHighlights(shuffled, 1).map((i) => i.name)).toEqual(["thu ngân sách"]);
    expect(selectHighlights(shuffled, 0)).toEqual([]);
  });
});
