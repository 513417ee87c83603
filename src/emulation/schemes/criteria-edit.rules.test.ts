import { describe, expect, it } from "vitest";
import {
  criterionChangeErrors,
  deletionRefusal,
  type ScoreUsage,
  subtreeIds,
} from "./criteria-edit.rules.js";
import type { CriterionInput } from "./criteria-input.rules.js";
import type { Criterion } from "./criteria-tree.rules.js";

const node = (
  id: number,
  parentId: number | null,
  code: string,
  kind: Criterion["kind"],
  maxPoints: number,
) => ({
  id,
  parentId,
  code,
  name: code,
  maxPoints,
  kind,
  indicatorCode: null,
  organisationId: null,
  rule: null,
  fixedPoints: null,
  sortOrder: id,
});

// A (950) > A.1 (550), A.2 (400) > A.2.a (400); B (50) > B.1 (15)
const TREE: Criterion[] = [
  node(1, null, "A", "group", 950),
  node(2, 1, "A.1", "manual", 550),
  node(3, 1, "A.2", "group", 400),
  node(4, 3, "A.2.a", "manual", 400),
  node(5, null, "B", "group", 50),
  node(6, 5, "B.1", "bonus", 15),
];
const NONE = new Map<number, ScoreUsage>();
const SCORED = new Map<number, ScoreUsage>([[2, { units: 3, maxPoints: 540 }]]);

const asInput = (c: Criterion, change: Partial<CriterionInput & { parentId: number | null }> = {}) => ({
  parentId: c.parentId,
  code: c.code,
  name: c.name,
  maxPoints: c.maxPoints,
  kind: c.kind as string,
  ...change,
});
const a1 = TREE[1] as Criterion;
const a2 = TREE[2] as Criterion;
const b = TREE[4] as Criterion;

describe("subtreeIds", () => {
  it("holds the node and everything below it", () => {
    expect([...subtreeIds(TREE, 1)].sort()).toEqual([1, 2, 3, 4]);
    expect([...subtreeIds(TREE, 6)]).toEqual([6]);
  });
});

describe("criterionChangeErrors", () => {
  it.each([
    ["an unchanged criterion", 2, asInput(a1), NONE, {}],
    ["a new name and max within the group", 2, asInput(a1, { name: "Y tế", maxPoints: 600 }), NONE, {}],
    ["a move into another group", 2, asInput(a1, { parentId: 5, maxPoints: 50 }), NONE, {}],
    [
      "a code taken by another criterion",
      2,
      asInput(a1, { code: "B.1" }),
      NONE,
      { code: "Mã tiêu chí bị trùng." },
    ],
    [
      "a max above the group's",
      2,
      asInput(a1, { maxPoints: 951 }),
      NONE,
      { maxPoints: "Điểm tối đa không được vượt điểm tối đa của nhóm." },
    ],
    [
      "a parent that is not a group",
      2,
      asInput(a1, { parentId: 6 }),
      NONE,
      { parentId: "Tiêu chí cha phải là một nhóm của bảng này." },
    ],
    [
      "a group moved under itself",
      3,
      asInput(a2, { parentId: 3 }),
      NONE,
      { parentId: "Không thể chuyển tiêu chí vào chính nó hoặc vào tiêu chí con của nó." },
    ],
    [
      "a group moved under its own child",
      1,
      asInput(TREE[0] as Criterion, { parentId: 3 }),
      NONE,
      { parentId: "Không thể chuyển tiêu chí vào chính nó hoặc vào tiêu chí con của nó." },
    ],
    [
      "a group with children turned into a leaf",
      3,
      asInput(a2, { kind: "manual" }),
      NONE,
      { kind: "Tiêu chí đang có tiêu chí con nên phải là nhóm; chuyển hoặc xóa các tiêu chí con trước." },
    ],
    [
      "a scored criterion changing kind",
      2,
      asInput(a1, { kind: "bonus" }),
      SCORED,
      { kind: "Tiêu chí đã có điểm chấm của 3 đơn vị nên không đổi được loại." },
    ],
    [
      "a scored criterion's max below a score given",
      2,
      asInput(a1, { maxPoints: 539.5 }),
      SCORED,
      { maxPoints: "Đã có đơn vị được chấm 540 điểm ở tiêu chí này: điểm tối đa không được thấp hơn." },
    ],
    ["a scored criterion's max down to its highest score", 2, asInput(a1, { maxPoints: 540 }), SCORED, {}],
    ["a scored criterion renamed", 2, asInput(a1, { name: "Y tế, dân số" }), SCORED, {}],
    [
      "the bonus group (it holds B.1) turned into a bonus",
      5,
      asInput(b, { kind: "bonus" }),
      NONE,
      { kind: expect.stringContaining("phải là nhóm") },
    ],
  ] as const)("%s", (_what, id, input, usage, expected) => {
    expect(criterionChangeErrors(TREE, id, input, usage)).toEqual(expected);
  });

  it("reports an unknown criterion", () => {
    expect(criterionChangeErrors(TREE, 99, asInput(a1), NONE)).toEqual({ id: "Không tìm thấy tiêu chí." });
  });
});

describe("deletionRefusal", () => {
  it("allows an unscored leaf", () => {
    expect(deletionRefusal(TREE, 6, NONE)).toBeNull();
  });
  it("refuses a scored criterion, saying how many units and what to do instead", () => {
    expect(deletionRefusal(TREE, 2, SCORED)).toBe(
      "Không xóa được tiêu chí A.1: đã có điểm chấm của 3 đơn vị. Hãy xóa các điểm đã chấm trước, hoặc giữ tiêu chí và sửa tên, điểm tối đa.",
    );
  });
  it("refuses a group that still has children", () => {
    expect(deletionRefusal(TREE, 3, NONE)).toBe(
      "Không xóa được nhóm A.2: nhóm còn 1 tiêu chí con. Hãy chuyển hoặc xóa các tiêu chí con trước.",
    );
  });
  it("reports an unknown criterion", () => {
    expect(deletionRefusal(TREE, 99, NONE)).toBe("Không tìm thấy tiêu chí.");
  });
});
