import { describe, expect, it } from "vitest";
import { assessQualityLevel } from "./quality-level.rules.js";
import { QUALITY_RULE_SETS, qualityRulesForYear, qualityRulesTitle } from "./quality-rule-sets.rules.js";

describe("quality rule sets with validity", () => {
  it.each([
    ["2017", null],
    ["2018", "qd132-hd16"],
    ["2019", "qd132-hd21"],
    ["2022", "qd132-hd21"],
    ["2023", "qd124"],
    ["2024", "qd124"],
    ["2025", "qd366"],
    ["2026", "qd366"],
  ])("judges %s by %s", (year, code) => {
    expect(qualityRulesForYear(year)?.code ?? null).toBe(code);
  });

  it("leaves no gap and no overlap between rule sets", () => {
    for (let i = 1; i < QUALITY_RULE_SETS.length; i++) {
      const before = QUALITY_RULE_SETS[i - 1];
      const next = QUALITY_RULE_SETS[i];
      const dayAfter = new Date(`${before?.validTo}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      expect(next?.validFrom).toBe(dayAfter.toISOString().slice(0, 10));
    }
    expect(QUALITY_RULE_SETS.at(-1)?.validTo).toBeNull();
  });

  it("asks ≥ 30% exceeded for excellence only from QĐ 366 on", () => {
    const input = { score: 92, tasks: { total: 10, onTime: 10, exceeded: 2 } };
    const in2019 = assessQualityLevel(input, qualityRulesForYear("2019") ?? undefined);
    const in2026 = assessQualityLevel(input, qualityRulesForYear("2026") ?? undefined);
    expect(in2019.level).toBe("excellent");
    expect(in2026.level).toBe("good");
    expect(in2026.explanation).toContain("ít nhất 30% nhiệm vụ hoàn thành vượt mức (2/10");
    expect(qualityRulesTitle(qualityRulesForYear("2019") ?? QUALITY_RULE_SETS[0]!)).toBe(
      "Tiêu chí xếp loại theo Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị và Hướng dẫn 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương",
    );
  });
});
