import { describe, expect, it } from "vitest";
import {
  type AchievementRow,
  AXIS_CAP,
  achievementChart,
  axisMaxFor,
  barPercent,
} from "./achievement-bars.rules.js";
import { CHART_FONT_SIZE } from "./chart.model.js";
import { renderChartSvgs } from "./svg-chart.js";
import { accessibleSvg } from "./svg-markup.rules.js";
import { trendChart } from "./trend-line.rules.js";
import { niceMax, valueBarsChart } from "./value-bars.rules.js";

const row = (over: Partial<AchievementRow>): AchievementRow => ({
  label: "Chỉ tiêu",
  valueText: "1",
  percent: 100,
  endText: null,
  verdict: "good",
  verdictText: "Đạt",
  estimate: false,
  ...over,
});

type Bar = { value: number; label: { show: boolean; formatter: string } };
const barsOf = (spec: ReturnType<typeof achievementChart>, variant: "wide" | "narrow" = "wide") =>
  ((spec[variant].option.series as { data: Bar[] }[])[0] as { data: Bar[] }).data;

describe("barPercent: better is longer", () => {
  it.each([
    // actual, target, lowerIsBetter, expected
    [44.4, 40, false, 111],
    [32, 40, false, 80],
    [0.5, 1, true, 200], // poverty rate under its ceiling: better, longer than the 100% line
    [1.25, 1, true, 80], // over the ceiling: short of the line
    [1, 1, true, 100],
    [0, 0, true, 100],
  ])("%s of %s (lower is better: %s) → %s%%", (actual, target, lower, expected) => {
    expect(barPercent(actual, { kind: "value", value: target }, lower)).toBeCloseTo(expected, 9);
  });

  it("a lower-is-better result below its ceiling is drawn longer than one above it", () => {
    const better = barPercent(0.8, { kind: "value", value: 1.5 }, true) as number;
    const worse = barPercent(2, { kind: "value", value: 1.5 }, true) as number;
    expect(better).toBeGreaterThan(100);
    expect(worse).toBeLessThan(100);
    const spec = achievementChart("t", [
      row({ label: "Tốt hơn", percent: better }),
      row({ label: "Kém hơn", percent: worse, verdict: "bad" }),
    ]);
    const [a, b] = barsOf(spec);
    expect((a as Bar).value).toBeGreaterThan((b as Bar).value);
  });

  it("a zero under a positive ceiling is as good as it gets; no bar without a target or figure", () => {
    expect(barPercent(0, { kind: "value", value: 2 }, true)).toBe(Number.POSITIVE_INFINITY);
    expect(barPercent(null, { kind: "value", value: 2 }, false)).toBeNull();
    expect(barPercent(3, null, false)).toBeNull();
    expect(barPercent(3, { kind: "value", value: 0 }, false)).toBeNull();
  });

  it("a range is 100% inside and short of the line on either side", () => {
    const range = { kind: "range", min: 7.3, max: 7.8 } as const;
    expect(barPercent(7.5, range, false)).toBe(100);
    expect(barPercent(7, range, false)).toBeLessThan(100);
    expect(barPercent(8, range, false)).toBeLessThan(100);
  });
});

describe("achievementChart", () => {
  it("draws 111% as 111% of the axis' unit, with the 100% line, and the axis capped", () => {
    const spec = achievementChart("t", [row({ percent: 111, endText: "111%" }), row({ percent: 92 })]);
    const option = spec.wide.option as { xAxis: { max: number }; series: { markLine: unknown }[] };
    expect(option.xAxis.max).toBe(120);
    expect(barsOf(spec)[0]?.value).toBe(111);
    expect(JSON.stringify(option.series[0]?.markLine)).toContain('"xAxis":100');
  });

  it("cuts a bar beyond the cap, marks it ▸ and names it in the notes", () => {
    const spec = achievementChart("t", [
      row({ label: "Hộ thoát nghèo", percent: 500, endText: "500%" }),
      row({ percent: 111 }),
    ]);
    expect(axisMaxFor([500, 111])).toBe(AXIS_CAP);
    expect(barsOf(spec)[0]?.value).toBe(AXIS_CAP);
    expect(barsOf(spec)[0]?.label.formatter).toBe("▸ 500%");
    expect(spec.notes.join(" ")).toContain("bị cắt: Hộ thoát nghèo");
    expect(spec.description).toContain("Hộ thoát nghèo");
  });

  it("says the status in a sign and words, not colour alone", () => {
    const spec = achievementChart("t", [
      row({ label: "A", verdict: "good", verdictText: "Vượt" }),
      row({ label: "B", verdict: "bad", verdictText: "Chưa đạt" }),
    ]);
    const captions = (spec.wide.option.yAxis as { data: string[] }).data;
    expect(captions).toEqual(["A: 1 ·\u00a0✓\u00a0Vượt", "B: 1 ·\u00a0✗\u00a0Chưa đạt"]);
  });
});

describe("other builders", () => {
  it("niceMax rounds up to a round number close above", () => {
    expect([niceMax(44.4), niceMax(56), niceMax(101), niceMax(0.31), niceMax(0)]).toEqual([
      50, 60, 120, 0.4, 1,
    ]);
  });

  it("a trend breaks at a missing period and marks estimates hollow", () => {
    const spec = trendChart({
      title: "t",
      unit: "tỷ đồng",
      points: [
        { label: "2018", value: 39.6, estimate: false, target: null },
        { label: "2019", value: null, estimate: false, target: 40 },
        { label: "2020", value: 41, estimate: true, target: null },
      ],
    });
    const series = spec.wide.option.series as { data: unknown[]; connectNulls?: boolean }[];
    expect(series[0]?.connectNulls).toBe(false);
    expect(series[0]?.data).toEqual([
      { value: 39.6, symbol: "circle" },
      { value: null, symbol: "circle" },
      { value: 41, symbol: "emptyCircle" },
    ]);
    expect(spec.description).toContain("2019: chưa có số liệu, kế hoạch 40 tỷ đồng.");
  });
});

describe("rendered SVG", () => {
  it("is labelled, has no inline style, and keeps 12 px text in the narrow drawing", async () => {
    const spec = valueBarsChart({
      title: "Điểm xếp hạng <năm 2019>",
      unit: "điểm",
      bars: [
        { label: "Phường Thượng Thanh", value: 98.5, valueText: "98,5", highlight: true },
        { label: "Phường Ngọc Thụy", value: 90, valueText: "90" },
      ],
    });
    const svg = await renderChartSvgs(spec, "xh");
    for (const markup of [svg.wide, svg.narrow]) {
      expect(markup).toMatch(/^<svg[^>]* role="img"/);
      expect(markup).not.toMatch(/style=|<style|ecmeta_/);
      expect(markup).toContain("&lt;năm 2019&gt;</title>");
    }
    expect(svg.narrow).toContain('aria-labelledby="xh-hep-title"');
    expect(svg.narrow).toMatch(/<svg width="350"/);
    const sizes = [...svg.narrow.matchAll(/font-size="(\d+)px"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(CHART_FONT_SIZE);
    expect(svg.wide).toContain("◆ Phường Thượng Thanh: 98,5");
  });

  it("accessibleSvg keeps presentation properties and drops the rest", () => {
    const out = accessibleSvg(
      '<svg width="10" height="10" version="1.1"><text style="font-size:12px;cursor:pointer;">a</text><style>.x{}</style></svg>',
      { id: "c", title: "T", description: "D", className: "chart-wide" },
    );
    expect(out).toBe(
      '<svg width="10" height="10" role="img" aria-labelledby="c-title" aria-describedby="c-desc" class="chart-svg chart-wide"><title id="c-title">T</title><desc id="c-desc">D</desc><text font-size="12px">a</text></svg>',
    );
  });
});
