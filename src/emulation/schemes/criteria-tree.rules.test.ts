import { describe, expect, it } from "vitest";
import {
  buildTree,
  type Criterion,
  flattenTree,
  pointsError,
  totalsOf,
  treeIssues,
} from "./criteria-tree.rules.js";

let nextId = 1;
function c(partial: Partial<Criterion> & Pick<Criterion, "code" | "kind" | "maxPoints">): Criterion {
  return {
    id: nextId++,
    parentId: null,
    name: partial.code,
    indicatorCode: null,
    organisationId: null,
    rule: null,
    fixedPoints: null,
    sortOrder: 0,
    ...partial,
  };
}

/** 1.000 = 950 content (A: 600 + 350) + 50 bonus; deductions up to 100 on top. */
function sampleScheme() {
  const a = c({ code: "A", kind: "group", maxPoints: 950, sortOrder: 1 });
  const a1 = c({ code: "A.1", kind: "manual", maxPoints: 600, parentId: a.id, sortOrder: 1 });
  const a2 = c({ code: "A.2", kind: "manual", maxPoints: 350, parentId: a.id, sortOrder: 2 });
  const b = c({ code: "B", kind: "group", maxPoints: 50, sortOrder: 2 });
  const gov = c({ code: "B.1", kind: "bonus", maxPoints: 15, fixedPoints: 15, parentId: b.id, sortOrder: 1 });
  const city = c({
    code: "B.2",
    kind: "bonus",
    maxPoints: 40,
    fixedPoints: 10,
    parentId: b.id,
    sortOrder: 2,
  });
  const d = c({ code: "C", kind: "group", maxPoints: 100, sortOrder: 3 });
  const late = c({
    code: "C.1",
    kind: "deduction",
    maxPoints: 100,
    fixedPoints: 5,
    parentId: d.id,
    sortOrder: 1,
  });
  return { all: [late, city, gov, b, a2, a1, a, d], a1, a2, gov, city, late };
}

describe("criteria tree", () => {
  it("nests criteria in display order whatever order they come in", () => {
    const { all } = sampleScheme();
    const flat = flattenTree(buildTree(all));
    expect(flat.map((n) => `${"  ".repeat(n.depth)}${n.code}`)).toEqual([
      "A",
      "  A.1",
      "  A.2",
      "B",
      "  B.1",
      "  B.2",
      "C",
      "  C.1",
    ]);
  });

  it("finds no issue in a balanced tree and names each imbalance otherwise", () => {
    const { all } = sampleScheme();
    expect(treeIssues(buildTree(all), 1000)).toEqual([]);
    const issues = treeIssues(buildTree(all), 900);
    expect(issues).toEqual([
      {
        code: null,
        message: "Tổng điểm tối đa các nhóm cấp cao nhất (1.000) khác tổng điểm của bảng (900).",
      },
    ]);
    const lopsided = all.map((x) => (x.code === "A.2" ? { ...x, maxPoints: 300 } : x));
    expect(treeIssues(buildTree(lopsided), 1000).map((i) => i.code)).toEqual(["A"]);
    const noSource = [
      ...all,
      c({ code: "A.3", kind: "indicator_rule", maxPoints: 0, parentId: all[6]?.id ?? null }),
    ];
    expect(treeIssues(buildTree(noSource), 1000).at(-1)).toEqual({
      code: "A.3",
      message: "Tiêu chí theo chỉ tiêu cần mã chỉ tiêu và cách tính điểm.",
    });
  });

  it.each([
    { code: "A.1", points: 600, comment: null, error: null },
    { code: "A.1", points: 600.5, comment: null, error: "Điểm vượt quá điểm tối đa của tiêu chí (600)." },
    { code: "A.1", points: -1, comment: null, error: "Điểm phải từ 0 đến 600." },
    { code: "B.1", points: 15, comment: "Cờ thi đua của Chính phủ 2018", error: null },
    { code: "B.1", points: 15, comment: " ", error: "Vui lòng ghi lý do cộng điểm." },
    { code: "B.2", points: 25, comment: "x", error: "Điểm phải là bội số của 10 (mỗi lần cộng 10 điểm)." },
    { code: "C.1", points: 10, comment: null, error: "Vui lòng ghi lý do trừ điểm." },
    {
      code: "A",
      points: 1,
      comment: null,
      error: "Nhóm tiêu chí không chấm trực tiếp; điểm là tổng các tiêu chí con.",
    },
  ])("checks $points points on $code", ({ code, points, comment, error }) => {
    const criterion = sampleScheme().all.find((x) => x.code === code) as Criterion;
    expect(pointsError(criterion, points, comment)).toBe(error);
  });

  it("adds content, caps bonuses at the group max and takes deductions off", () => {
    const { all, a1, a2, gov, city, late } = sampleScheme();
    const roots = buildTree(all);
    const points = new Map([
      [a1.id, 590],
      [a2.id, 340.5],
      [gov.id, 15],
      [city.id, 40],
      [late.id, 5],
    ]);
    const result = totalsOf(roots, points);
    // 590 + 340,5 + min(55, 50) − 5
    expect(result.total).toBe(975.5);
    expect(result.complete).toBe(true);
    expect(result.byNode.get(roots[1]?.id ?? 0)).toEqual({ points: 50, complete: true });
    expect(result.byNode.get(late.id)).toEqual({ points: -5, complete: true });
  });

  it("adds points in decimal, so a council total is 785,57 and not 785.5699999999999", () => {
    const { all, a1, a2, gov, city } = sampleScheme();
    const points = new Map([
      [a1.id, 455.37],
      [a2.id, 290.2],
      [gov.id, 15],
      [city.id, 25],
    ]);
    expect(455.37 + 290.2 + 40).not.toBe(785.57);
    expect(totalsOf(buildTree(all), points).total).toBe(785.57);
  });

  it("says a stage is incomplete while a content criterion has no points, and treats absent bonuses as none", () => {
    const { all, a1 } = sampleScheme();
    const result = totalsOf(buildTree(all), new Map([[a1.id, 500]]));
    expect(result).toMatchObject({ total: 500, complete: false });
    const none = totalsOf(buildTree(all), new Map());
    expect(none.total).toBe(0);
    expect(none.byNode.get(all.find((x) => x.code === "A")?.id ?? 0)).toEqual({
      points: null,
      complete: false,
    });
  });
});
