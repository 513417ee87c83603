import { describe, expect, it } from "vitest";
import { pointsFromAssessment, pointsFromIndicator } from "./scoring.rules.js";

const outcome = (status: string, achievementPct: number | null = null, basis = "final") => ({
  code: "THU_NS",
  status,
  achievementPct,
  basis,
});

describe("points from an indicator's evaluation", () => {
  it.each([
    {
      rule: "met_full_else_pro_rata",
      o: outcome("exceeded", 111),
      points: 50,
      text: "Vượt chỉ tiêu: 50 điểm.",
    },
    { rule: "met_full_else_pro_rata", o: outcome("met", 100), points: 50, text: "Đạt chỉ tiêu: 50 điểm." },
    {
      rule: "met_full_else_pro_rata",
      o: outcome("not_met", 97.55),
      points: 48.78,
      text: "Chưa đạt chỉ tiêu, thực hiện 97,55%: 48,78 điểm.",
    },
    {
      rule: "met_full_else_pro_rata",
      o: outcome("not_met", null),
      points: 0,
      text: "Chưa đạt chỉ tiêu, không tính được tỷ lệ thực hiện: 0 điểm.",
    },
    { rule: "met_full_else_zero", o: outcome("not_met", 99), points: 0, text: "Chưa đạt chỉ tiêu: 0 điểm." },
    {
      rule: "met_full_else_pro_rata",
      o: outcome("exceeded", 104, "estimate"),
      points: 50,
      text: "Vượt chỉ tiêu (theo số ước thực hiện): 50 điểm.",
    },
    {
      rule: "met_full_else_pro_rata",
      o: outcome("no_data"),
      points: null,
      text: "Chưa có kết quả được duyệt.",
    },
    {
      rule: "met_full_else_pro_rata",
      o: outcome("no_target"),
      points: null,
      text: "Chưa được giao chỉ tiêu.",
    },
    { rule: "met_full_else_pro_rata", o: undefined, points: null, text: "Chưa có kết quả được duyệt." },
  ] as const)("$rule on $o.status $o.achievementPct → $points", ({ rule, o, points, text }) => {
    expect(pointsFromIndicator(50, rule, o)).toEqual({ points, explanation: text });
  });
});

describe("points from a department's assessment", () => {
  it("gives the first of fourteen full points and scales the rest by rank", () => {
    expect(pointsFromAssessment(30, "assessment_rank", { rank: 1, score: null, rankedCount: 14 })).toEqual({
      points: 30,
      explanation: "Được xếp hạng 1/14: 30 điểm.",
    });
    expect(
      pointsFromAssessment(30, "assessment_rank", { rank: 14, score: null, rankedCount: 14 }).points,
    ).toBe(2.14);
  });

  it("scales a 100-point score and refuses to invent what the department has not given", () => {
    expect(pointsFromAssessment(40, "assessment_score", { rank: 1, score: 95, rankedCount: 1 })).toEqual({
      points: 38,
      explanation: "Được chấm 95/100 điểm: 38 điểm.",
    });
    expect(
      pointsFromAssessment(40, "assessment_score", { rank: 1, score: null, rankedCount: 1 }).points,
    ).toBeNull();
    expect(pointsFromAssessment(40, "assessment_rank", undefined)).toEqual({
      points: null,
      explanation: "Phòng, ban chưa xếp hạng.",
    });
  });
});
