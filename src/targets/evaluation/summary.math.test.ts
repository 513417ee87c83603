import { describe, expect, it } from "vitest";
import type { ActualBasis, EvaluationStatus } from "./evaluation.math.js";
import { summarizeEvaluations } from "./summary.math.js";

type Row = { status: EvaluationStatus; basis: ActualBasis };
const rows = (status: EvaluationStatus, times: number, basis: ActualBasis = "final"): Row[] =>
  Array.from({ length: times }, () => ({ status, basis: status === "no_data" ? "none" : basis }));

describe("summarizeEvaluations", () => {
  it.each([
    {
      name: "Thượng Thanh 2019: all 16 exceeded",
      input: rows("exceeded", 16),
      counts: {
        total: 16,
        withData: 16,
        met: 16,
        exceeded: 16,
        notMet: 0,
        noData: 0,
        noTarget: 0,
        estimated: 0,
      },
      sentence: "hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu",
    },
    {
      name: "6 of 8 met, 3 exceeded",
      input: [...rows("exceeded", 3), ...rows("met", 3), ...rows("not_met", 2)],
      counts: { total: 8, withData: 8, met: 6, exceeded: 3, notMet: 2, noData: 0, noTarget: 0, estimated: 0 },
      sentence: "hoàn thành 6/8 chỉ tiêu, trong đó vượt mức 3 chỉ tiêu; 2 chỉ tiêu chưa đạt",
    },
    {
      name: "met without any exceeded",
      input: rows("met", 4),
      counts: { total: 4, withData: 4, met: 4, exceeded: 0, notMet: 0, noData: 0, noTarget: 0, estimated: 0 },
      sentence: "hoàn thành 4/4 chỉ tiêu",
    },
    {
      name: "no data is left out of M and said",
      input: [...rows("exceeded", 5), ...rows("met", 1), ...rows("not_met", 1), ...rows("no_data", 2)],
      counts: { total: 9, withData: 7, met: 6, exceeded: 5, notMet: 1, noData: 2, noTarget: 0, estimated: 0 },
      sentence:
        "hoàn thành 6/7 chỉ tiêu, trong đó vượt mức 5 chỉ tiêu; 1 chỉ tiêu chưa đạt; 2 chỉ tiêu chưa có số liệu",
    },
    {
      name: "no target is left out of M and said",
      input: [...rows("met", 2), ...rows("no_target", 1)],
      counts: { total: 3, withData: 2, met: 2, exceeded: 0, notMet: 0, noData: 0, noTarget: 1, estimated: 0 },
      sentence: "hoàn thành 2/2 chỉ tiêu; 1 chỉ tiêu chưa giao mức kế hoạch",
    },
    {
      name: "some estimates",
      input: [...rows("exceeded", 2, "estimate"), ...rows("met", 2), ...rows("not_met", 1, "estimate")],
      counts: { total: 5, withData: 5, met: 4, exceeded: 2, notMet: 1, noData: 0, noTarget: 0, estimated: 3 },
      sentence:
        "hoàn thành 4/5 chỉ tiêu, trong đó vượt mức 2 chỉ tiêu; 1 chỉ tiêu chưa đạt; 3 chỉ tiêu tính theo số ước thực hiện",
    },
    {
      name: "only estimates",
      input: rows("exceeded", 3, "estimate"),
      counts: { total: 3, withData: 3, met: 3, exceeded: 3, notMet: 0, noData: 0, noTarget: 0, estimated: 3 },
      sentence: "hoàn thành 3/3 chỉ tiêu, trong đó vượt mức 3 chỉ tiêu; số liệu là số ước thực hiện",
    },
    {
      name: "nothing met",
      input: rows("not_met", 2),
      counts: { total: 2, withData: 2, met: 0, exceeded: 0, notMet: 2, noData: 0, noTarget: 0, estimated: 0 },
      sentence: "hoàn thành 0/2 chỉ tiêu; 2 chỉ tiêu chưa đạt",
    },
    {
      name: "no data at all",
      input: rows("no_data", 3),
      counts: { total: 3, withData: 0, met: 0, exceeded: 0, notMet: 0, noData: 3, noTarget: 0, estimated: 0 },
      sentence: "chưa có chỉ tiêu nào đủ số liệu để đánh giá; 3 chỉ tiêu chưa có số liệu",
    },
    {
      name: "empty list",
      input: [],
      counts: { total: 0, withData: 0, met: 0, exceeded: 0, notMet: 0, noData: 0, noTarget: 0, estimated: 0 },
      sentence: "chưa có chỉ tiêu nào đủ số liệu để đánh giá",
    },
  ])("$name", ({ input, counts, sentence }) => {
    expect(summarizeEvaluations(input)).toEqual({ onTrack: 0, behind: 0, ...counts, sentence });
  });

  it("pads N/M to two digits on request, as in '06/08'", () => {
    const input = [...rows("exceeded", 3), ...rows("met", 3), ...rows("not_met", 2)];
    expect(summarizeEvaluations(input, { padCounts: true }).sentence).toBe(
      "hoàn thành 06/08 chỉ tiêu, trong đó vượt mức 3 chỉ tiêu; 2 chỉ tiêu chưa đạt",
    );
    expect(summarizeEvaluations(rows("exceeded", 16), { padCounts: true }).sentence).toBe(
      "hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu",
    );
  });

  it("counts a part of a year as progress, never as met or not met", () => {
    const input = [...rows("on_track", 5), ...rows("behind", 1), ...rows("no_data", 1)];
    const summary = summarizeEvaluations(input);
    expect(summary).toMatchObject({ onTrack: 5, behind: 1, withData: 0, met: 0, notMet: 0, noData: 1 });
    expect(summary.sentence).toBe(
      "5/6 chỉ tiêu bảo đảm tiến độ kế hoạch, 1 chỉ tiêu chậm tiến độ; 1 chỉ tiêu chưa có số liệu",
    );
    expect(summary.sentence).not.toContain("hoàn thành");
    expect(summary.sentence).not.toContain("chưa đạt");
  });
});
