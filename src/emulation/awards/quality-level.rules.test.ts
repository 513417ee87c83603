import { describe, expect, it } from "vitest";
import {
  applyExcellenceQuota,
  assessQualityLevel,
  isHigherLevel,
  QUALITY_LEVEL_LABELS,
  type QualityInput,
  type QualityLevel,
  type QuotaUnit,
  scoreBand,
} from "./quality-level.rules.js";

const tasks = (total: number, onTime: number, exceeded: number) => ({ total, onTime, exceeded });

describe("scoreBand", () => {
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89.99, "good"],
    // A sum of points that should be 90 but carries binary noise still reaches the band.
    [89.99999999999999, "excellent"],
    [70, "good"],
    [69.99, "completed"],
    [50, "completed"],
    [49.99, "not_completed"],
    [0, "not_completed"],
  ] as const)("%s → %s", (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])("refuses %s", (score) => {
    expect(() => scoreBand(score)).toThrow(RangeError);
  });
});

describe("assessQualityLevel", () => {
  it.each([
    // [name, input, score band, level]
    [
      "excellent: ≥ 90, all on time, ≥ 30% exceeded",
      { score: 95, tasks: tasks(14, 14, 5) },
      "excellent",
      "excellent",
    ],
    ["exactly 90 and exactly 30% exceeded", { score: 90, tasks: tasks(10, 10, 3) }, "excellent", "excellent"],
    ["≥ 90 but under 30% exceeded → good", { score: 95, tasks: tasks(14, 14, 4) }, "excellent", "good"],
    ["≥ 90 but a task late → completed", { score: 95, tasks: tasks(14, 13, 7) }, "excellent", "completed"],
    ["good: 70–< 90, all on time", { score: 85, tasks: tasks(12, 12, 0) }, "good", "good"],
    ["exactly 70, all on time", { score: 70, tasks: tasks(12, 12, 0) }, "good", "good"],
    ["70–< 90 with a task late → completed", { score: 85, tasks: tasks(12, 11, 6) }, "good", "completed"],
    ["completed: 50–< 70", { score: 69.5, tasks: tasks(12, 12, 12) }, "completed", "completed"],
    ["exactly 50", { score: 50, tasks: tasks(12, 3, 0) }, "completed", "completed"],
    [
      "not completed: < 50, whatever the tasks",
      { score: 49.99, tasks: tasks(12, 12, 12) },
      "not_completed",
      "not_completed",
    ],
    [
      "no tasks: nothing late, nothing to exceed → good",
      { score: 95, tasks: tasks(0, 0, 0) },
      "excellent",
      "good",
    ],
  ] as const)("%s", (_name, input, scoreLevel, level) => {
    const result = assessQualityLevel(input);
    expect(result.scoreLevel).toBe(scoreLevel);
    expect(result.level).toBe(level);
    expect(result.subjectToQuota).toBe(level === "excellent");
  });

  it("lists every condition with pass/fail and figures", () => {
    const result = assessQualityLevel({ score: 95, tasks: tasks(14, 12, 4) });
    expect(result.conditions).toEqual([
      {
        code: "score_at_least_90",
        label: "Đạt từ 90 điểm trở lên",
        passed: true,
        explanation: "Đạt 95 điểm.",
        requiredFor: "excellent",
      },
      {
        code: "score_at_least_70",
        label: "Đạt từ 70 điểm trở lên",
        passed: true,
        explanation: "Đạt 95 điểm.",
        requiredFor: "good",
      },
      {
        code: "all_tasks_on_time",
        label: "Tất cả nhiệm vụ hoàn thành đúng hạn",
        passed: false,
        explanation: "12/14 nhiệm vụ hoàn thành đúng hạn, 2 nhiệm vụ chậm hoặc chưa xong.",
        requiredFor: "good",
      },
      {
        code: "exceeded_at_least_30_percent",
        label: "Ít nhất 30% nhiệm vụ hoàn thành vượt mức",
        passed: false,
        explanation: "4/14 nhiệm vụ hoàn thành vượt mức, tỷ lệ 28,57%.",
        requiredFor: "excellent",
      },
    ]);
  });

  it.each([
    [
      { score: 95, tasks: tasks(14, 14, 5) },
      'Đạt 95 điểm, thuộc khung điểm "Hoàn thành xuất sắc nhiệm vụ". Xếp loại "Hoàn thành xuất sắc nhiệm vụ". ' +
        "Còn phụ thuộc tỷ lệ tối đa 20% số đơn vị xếp loại tốt trở lên.",
    ],
    [
      { score: 95, tasks: tasks(14, 14, 4) },
      'Đạt 95 điểm, thuộc khung điểm "Hoàn thành xuất sắc nhiệm vụ". Chưa đạt điều kiện: ít nhất 30% nhiệm vụ ' +
        'hoàn thành vượt mức (4/14 nhiệm vụ hoàn thành vượt mức, tỷ lệ 28,57%). Xếp loại "Hoàn thành tốt nhiệm vụ".',
    ],
    [
      { score: 92.5, tasks: tasks(14, 12, 4) },
      'Đạt 92,5 điểm, thuộc khung điểm "Hoàn thành xuất sắc nhiệm vụ". Chưa đạt điều kiện: tất cả nhiệm vụ hoàn ' +
        "thành đúng hạn (12/14 nhiệm vụ hoàn thành đúng hạn, 2 nhiệm vụ chậm hoặc chưa xong); ít nhất 30% nhiệm vụ " +
        'hoàn thành vượt mức (4/14 nhiệm vụ hoàn thành vượt mức, tỷ lệ 28,57%). Xếp loại "Hoàn thành nhiệm vụ".',
    ],
    // In the good band, the missing 30% exceeded is irrelevant and not cited.
    [
      { score: 85, tasks: tasks(12, 11, 0) },
      'Đạt 85 điểm, thuộc khung điểm "Hoàn thành tốt nhiệm vụ". Chưa đạt điều kiện: tất cả nhiệm vụ hoàn thành ' +
        'đúng hạn (11/12 nhiệm vụ hoàn thành đúng hạn, 1 nhiệm vụ chậm hoặc chưa xong). Xếp loại "Hoàn thành nhiệm vụ".',
    ],
    [
      { score: 42, tasks: tasks(12, 12, 0) },
      'Đạt 42 điểm, thuộc khung điểm "Không hoàn thành nhiệm vụ". Xếp loại "Không hoàn thành nhiệm vụ".',
    ],
  ] as const)("explains %o", (input, explanation) => {
    expect(assessQualityLevel(input).explanation).toBe(explanation);
  });

  it("explains the no-task case", () => {
    const result = assessQualityLevel({ score: 95, tasks: tasks(0, 0, 0) });
    expect(result.conditions.find((c) => c.code === "all_tasks_on_time")).toMatchObject({
      passed: true,
      explanation: "Không có nhiệm vụ được giao, nên không có nhiệm vụ chậm.",
    });
    expect(result.conditions.find((c) => c.code === "exceeded_at_least_30_percent")).toMatchObject({
      passed: false,
      explanation: "Không có nhiệm vụ để tính tỷ lệ vượt mức.",
    });
  });

  it.each([
    ["excellent", "good"],
    ["good", "completed"],
  ] as const)("an extra condition required for %s caps the level at %s", (requiredFor, level) => {
    const input: QualityInput = {
      score: 95,
      tasks: tasks(14, 14, 5),
      extraConditions: [
        {
          label: "Không có cán bộ, đảng viên bị kỷ luật",
          passed: false,
          explanation: "Có 1 đảng viên bị kỷ luật khiển trách.",
          requiredFor,
        },
      ],
    };
    const result = assessQualityLevel(input);
    expect(result.level).toBe(level);
    expect(result.conditions.at(-1)).toMatchObject({ code: "extra", passed: false, requiredFor });
    expect(result.explanation).toContain(
      "Chưa đạt điều kiện: không có cán bộ, đảng viên bị kỷ luật (Có 1 đảng viên bị kỷ luật khiển trách).",
    );
  });

  it.each([
    ["on time above total", tasks(5, 6, 0)],
    ["exceeded above total", tasks(5, 5, 6)],
    ["negative total", tasks(-1, 0, 0)],
    ["fractional count", tasks(5, 4.5, 0)],
  ])("refuses %s", (_name, t) => {
    expect(() => assessQualityLevel({ score: 80, tasks: t })).toThrow(RangeError);
  });
});

describe("applyExcellenceQuota", () => {
  const units = (spec: [string, number, QualityLevel][]): QuotaUnit[] =>
    spec.map(([id, score, level]) => ({ id, score, level }));
  const outcomes = (result: ReturnType<typeof applyExcellenceQuota>) =>
    result.decisions.map((d) => [d.id, d.outcome, d.level]);

  // 14 wards of Long Biên (2019): 4 excellent candidates, 6 good, 3 completed, 1 not completed.
  const longBien = units([
    ["Thượng Thanh", 98, "excellent"],
    ["Ngọc Thụy", 93, "excellent"],
    ["Giang Biên", 96, "excellent"],
    ["Đức Giang", 91, "excellent"],
    ["Việt Hưng", 88, "good"],
    ["Gia Thụy", 86, "good"],
    ["Ngọc Lâm", 84, "good"],
    ["Phúc Lợi", 80, "good"],
    ["Bồ Đề", 78, "good"],
    ["Sài Đồng", 75, "good"],
    ["Long Biên", 65, "completed"],
    ["Thạch Bàn", 60, "completed"],
    ["Phúc Đồng", 55, "completed"],
    ["Cự Khối", 45, "not_completed"],
  ]);

  it("keeps the best scores within 20% of the units rated good or better, moves the rest down", () => {
    const result = applyExcellenceQuota(longBien);
    expect(result).toMatchObject({ base: 10, quota: 2 });
    expect(outcomes(result)).toEqual([
      ["Thượng Thanh", "kept", "excellent"],
      ["Giang Biên", "kept", "excellent"],
      ["Ngọc Thụy", "moved_down", "good"],
      ["Đức Giang", "moved_down", "good"],
    ]);
    expect(result.decisions[0]?.explanation).toBe(
      "Giữ mức xuất sắc: đạt 98 điểm, xếp thứ 1/4 đơn vị đủ điều kiện, trong hạn mức 2 đơn vị " +
        "(20% của 10 đơn vị xếp loại tốt trở lên là 2, lấy phần nguyên).",
    );
    expect(result.decisions[2]?.explanation).toBe(
      'Chuyển xuống "Hoàn thành tốt nhiệm vụ": đạt 93 điểm, xếp thứ 3/4 đơn vị đủ điều kiện, ngoài hạn mức 2 ' +
        "đơn vị (20% của 10 đơn vị xếp loại tốt trở lên là 2, lấy phần nguyên).",
    );
    expect(result.explanation).toBe(
      "4 đơn vị đủ điều kiện xuất sắc; hạn mức 2 đơn vị (20% của 10 đơn vị xếp loại tốt trở lên là 2, " +
        "lấy phần nguyên); 2 đơn vị giữ mức xuất sắc.",
    );
  });

  it("does not break a tie at the limit by an arbitrary order", () => {
    const result = applyExcellenceQuota(
      units([
        ["a", 98, "excellent"],
        ["b", 95, "excellent"],
        ["c", 95, "excellent"],
        ...Array.from({ length: 7 }, (_, i): [string, number, QualityLevel] => [`g${i}`, 80, "good"]),
      ]),
    );
    expect(result.quota).toBe(2);
    expect(outcomes(result)).toEqual([
      ["a", "kept", "excellent"],
      ["b", "tie_at_limit", "good"],
      ["c", "tie_at_limit", "good"],
    ]);
    expect(result.decisions[1]?.explanation).toBe(
      "Chưa xác định: đạt 95 điểm, xếp thứ 2/3 đơn vị đủ điều kiện (đồng hạng); 2 đơn vị đồng điểm cho 1 suất " +
        "còn lại trong hạn mức 2 đơn vị (20% của 10 đơn vị xếp loại tốt trở lên là 2, lấy phần nguyên). " +
        'Tạm xếp "Hoàn thành tốt nhiệm vụ", đề nghị cấp có thẩm quyền xem xét, quyết định.',
    );
    expect(result.explanation).toBe(
      "3 đơn vị đủ điều kiện xuất sắc; hạn mức 2 đơn vị (20% của 10 đơn vị xếp loại tốt trở lên là 2, " +
        "lấy phần nguyên); 1 đơn vị giữ mức xuất sắc, 2 đơn vị đồng điểm ở giới hạn chờ quyết định.",
    );
  });

  it("keeps a tie that fits inside the quota", () => {
    const result = applyExcellenceQuota(
      units([
        ["a", 97, "excellent"],
        ["b", 97, "excellent"],
        ["c", 90, "excellent"],
        ...Array.from({ length: 7 }, (_, i): [string, number, QualityLevel] => [`g${i}`, 80, "good"]),
      ]),
    );
    expect(outcomes(result)).toEqual([
      ["a", "kept", "excellent"],
      ["b", "kept", "excellent"],
      ["c", "moved_down", "good"],
    ]);
  });

  it("keeps everyone when the candidates fit", () => {
    const result = applyExcellenceQuota(
      units([
        ["a", 97, "excellent"],
        ["b", 92, "excellent"],
        ...Array.from({ length: 13 }, (_, i): [string, number, QualityLevel] => [`g${i}`, 80, "good"]),
      ]),
    );
    expect(result).toMatchObject({ base: 15, quota: 3 });
    expect(outcomes(result).map((o) => o[1])).toEqual(["kept", "kept"]);
  });

  it("rounds the quota down: 20% of 14 is 2,8 → 2; 20% of 4 is 0,8 → 0", () => {
    const fourteen = Array.from({ length: 14 }, (_, i): [string, number, QualityLevel] => [
      `u${i}`,
      95 - i,
      i < 3 ? "excellent" : "good",
    ]);
    expect(applyExcellenceQuota(units(fourteen)).quota).toBe(2);
    const small = applyExcellenceQuota(
      units([
        ["a", 99, "excellent"],
        ["b", 80, "good"],
        ["c", 80, "good"],
        ["d", 80, "good"],
      ]),
    );
    expect(small).toMatchObject({ base: 4, quota: 0 });
    expect(outcomes(small)).toEqual([["a", "moved_down", "good"]]);
    expect(small.decisions[0]?.explanation).toContain(
      "(20% của 4 đơn vị xếp loại tốt trở lên là 0,8, lấy phần nguyên)",
    );
  });

  it("takes another percentage when a regulation sets one", () => {
    expect(applyExcellenceQuota(longBien, { percent: 30 })).toMatchObject({ quota: 3 });
    expect(() => applyExcellenceQuota(longBien, { percent: 120 })).toThrow(RangeError);
  });

  it("reports no decisions when nobody is a candidate", () => {
    const result = applyExcellenceQuota(units([["a", 80, "good"]]));
    expect(result).toMatchObject({ base: 1, quota: 0, decisions: [] });
  });
});

describe("labels and order", () => {
  it("labels the levels in Vietnamese", () => {
    expect(QUALITY_LEVEL_LABELS).toEqual({
      excellent: "Hoàn thành xuất sắc nhiệm vụ",
      good: "Hoàn thành tốt nhiệm vụ",
      completed: "Hoàn thành nhiệm vụ",
      not_completed: "Không hoàn thành nhiệm vụ",
    });
  });
  it("orders the levels", () => {
    expect(isHigherLevel("excellent", "good")).toBe(true);
    expect(isHigherLevel("completed", "good")).toBe(false);
    expect(isHigherLevel("good", "good")).toBe(false);
  });
});
