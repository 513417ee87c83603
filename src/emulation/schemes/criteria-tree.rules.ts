/**
 * The emulation criteria tree: how nodes nest, what points a criterion accepts, and how a unit's
 * points add up. Pure: no I/O.
 *
 * Kinds: `group` (sums its children, capped at its max), `manual` (scored by people), `indicator_rule`
 * (points follow from an indicator's evaluation), `assessment` (points follow from a department's
 * assessment), `bonus` (+10 city flag) and `deduction` (points taken off; stored positive, counted
 * negative). A node's contribution is clamped to ±its max, so a bonus group of 50 stays 50 even when
 * a unit holds flags worth 65.
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import { sumOf } from "../../targets/evaluation/exact.math.js";

export const CRITERION_KINDS = [
  "group",
  "manual",
  "indicator_rule",
  "assessment",
  "bonus",
  "deduction",
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const CRITERION_KIND_LABELS: Record<CriterionKind, string> = {
  group: "Nhóm tiêu chí",
  manual: "Chấm điểm trực tiếp",
  indicator_rule: "Theo kết quả chỉ tiêu",
  assessment: "Theo đánh giá của phòng, ban",
  bonus: "Điểm thưởng",
  deduction: "Điểm trừ",
};

export const STAGES = ["self", "review", "council"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  self: "Tự chấm",
  review: "Thẩm định",
  council: "Hội đồng",
};

export interface Criterion {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  maxPoints: number;
  kind: CriterionKind;
  indicatorCode: string | null;
  organisationId: number | null;
  rule: string | null;
  fixedPoints: number | null;
  sortOrder: number;
}

export interface CriterionNode extends Criterion {
  depth: number;
  children: CriterionNode[];
}

export function isCriterionKind(value: string): value is CriterionKind {
  return (CRITERION_KINDS as readonly string[]).includes(value);
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Leaves that must be scored for a stage to be complete; bonuses and deductions default to none. */
export function isContentLeaf(criterion: Pick<Criterion, "kind">): boolean {
  return (
    criterion.kind === "manual" || criterion.kind === "indicator_rule" || criterion.kind === "assessment"
  );
}

/** Criteria whose points the system computes from data instead of a person typing them. */
export function isComputed(criterion: Pick<Criterion, "kind">): boolean {
  return criterion.kind === "indicator_rule" || criterion.kind === "assessment";
}

const byOrder = (a: Criterion, b: Criterion) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, "vi");

/** Nests criteria under their parents in display order. A node whose parent is missing becomes a root. */
export function buildTree(criteria: readonly Criterion[]): CriterionNode[] {
  const nodes = new Map<number, CriterionNode>(criteria.map((c) => [c.id, { ...c, depth: 0, children: [] }]));
  const roots: CriterionNode[] = [];
  for (const c of [...criteria].sort(byOrder)) {
    const node = nodes.get(c.id) as CriterionNode;
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const setDepth = (list: CriterionNode[], depth: number) => {
    for (const node of list) {
      node.depth = depth;
      setDepth(node.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** Depth-first, parents before children: the order of the scoring table. */
export function flattenTree(roots: readonly CriterionNode[]): CriterionNode[] {
  return roots.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/**
 * Why `points` cannot be recorded for `criterion`, in Vietnamese, or null when they can: never
 * below 0 or above the max, a multiple of the fixed points of a bonus or deduction, and a reason
 * for every bonus or deduction actually given.
 */
export function pointsError(criterion: Criterion, points: number, comment: string | null): string | null {
  const max = formatViNumber(criterion.maxPoints);
  if (criterion.kind === "group") return "Nhóm tiêu chí không chấm trực tiếp; điểm là tổng các tiêu chí con.";
  if (!Number.isFinite(points) || points < 0) return `Điểm phải từ 0 đến ${max}.`;
  if (points > criterion.maxPoints + 1e-9) return `Điểm vượt quá điểm tối đa của tiêu chí (${max}).`;
  if (criterion.fixedPoints !== null && criterion.fixedPoints > 0) {
    const times = points / criterion.fixedPoints;
    if (Math.abs(times - Math.round(times)) > 1e-9) {
      return `Điểm phải là bội số của ${formatViNumber(criterion.fixedPoints)} (mỗi lần ${criterion.kind === "bonus" ? "cộng" : "trừ"} ${formatViNumber(criterion.fixedPoints)} điểm).`;
    }
  }
  if ((criterion.kind === "bonus" || criterion.kind === "deduction") && points > 0 && !comment?.trim()) {
    return criterion.kind === "bonus" ? "Vui lòng ghi lý do cộng điểm." : "Vui lòng ghi lý do trừ điểm.";
  }
  return null;
}

export interface NodeTotal {
  /** Signed contribution after capping; null when nothing below it is scored. */
  points: number | null;
  /** Every content leaf below it is scored. */
  complete: boolean;
}

/**
 * Adds up one stage's points (criterion id → points as stored) over the tree. Content leaves without
 * points make their ancestors incomplete; absent bonuses and deductions count as none.
 */
export function totalsOf(
  roots: readonly CriterionNode[],
  points: ReadonlyMap<number, number>,
): {
  total: number;
  complete: boolean;
  byNode: Map<number, NodeTotal>;
} {
  const byNode = new Map<number, NodeTotal>();
  const visit = (node: CriterionNode): NodeTotal => {
    let result: NodeTotal;
    if (node.kind === "group") {
      const parts = node.children.map(visit);
      const scored = parts.filter((p) => p.points !== null);
      // Added in decimal: 785,57 stays 785,57, never 785.5699999999999.
      const sum = sumOf(scored.map((p) => p.points as number));
      result = {
        points:
          scored.length === 0 && node.children.some(isContentLeafDeep) ? null : clamp(sum, node.maxPoints),
        complete: parts.every((p) => p.complete),
      };
    } else {
      const raw = points.get(node.id);
      const sign = node.kind === "deduction" ? -1 : 1;
      if (raw === undefined)
        result = { points: isContentLeaf(node) ? null : 0, complete: !isContentLeaf(node) };
      else result = { points: sign * Math.min(raw, node.maxPoints), complete: true };
    }
    byNode.set(node.id, result);
    return result;
  };
  const parts = roots.map(visit);
  return {
    total: sumOf(parts.map((p) => p.points ?? 0)),
    complete: parts.every((p) => p.complete),
    byNode,
  };
}

function isContentLeafDeep(node: CriterionNode): boolean {
  return node.kind === "group" ? node.children.some(isContentLeafDeep) : isContentLeaf(node);
}

function clamp(value: number, max: number): number {
  return Math.max(-max, Math.min(max, value));
}

export interface TreeIssue {
  /** Code of the criterion concerned, or null for the scheme as a whole. */
  code: string | null;
  message: string;
}

/** A deduction, or a group made only of deductions: taken off, never part of the scheme's total. */
export function isDeductionNode(node: CriterionNode): boolean {
  if (node.kind === "deduction") return true;
  return node.kind === "group" && node.children.length > 0 && node.children.every(isDeductionNode);
}

/**
 * What is unbalanced or inconsistent in a tree: the top level (without deductions) must add up to
 * the scheme's total, a content group's children must add up to the group's max (a group of bonus
 * items only caps them, and deductions cap what is taken off), and each kind needs its data source.
 * Schemes created in one go must have no issues; a tree built node by node shows them as warnings
 * until it is complete.
 */
export function treeIssues(roots: readonly CriterionNode[], schemeMax: number): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const sumMax = (nodes: readonly CriterionNode[]) =>
    nodes.filter((n) => !isDeductionNode(n)).reduce((s, n) => s + n.maxPoints, 0);
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const rootSum = sumMax(roots);
  if (!near(rootSum, schemeMax)) {
    issues.push({
      code: null,
      message: `Tổng điểm tối đa các nhóm cấp cao nhất (${formatViNumber(rootSum)}) khác tổng điểm của bảng (${formatViNumber(schemeMax)}).`,
    });
  }
  const visit = (node: CriterionNode) => {
    if (node.kind === "group") {
      const bonusesOnly = node.children.every((c) => c.kind === "bonus");
      const sum = sumMax(node.children);
      if (node.children.length === 0) issues.push({ code: node.code, message: "Nhóm chưa có tiêu chí con." });
      else if (!bonusesOnly && !isDeductionNode(node) && !near(sum, node.maxPoints)) {
        issues.push({
          code: node.code,
          message: `Tổng điểm tối đa các tiêu chí con (${formatViNumber(sum)}) khác điểm tối đa của nhóm (${formatViNumber(node.maxPoints)}).`,
        });
      }
    }
    if (node.kind === "indicator_rule" && (!node.indicatorCode || !node.rule)) {
      issues.push({ code: node.code, message: "Tiêu chí theo chỉ tiêu cần mã chỉ tiêu và cách tính điểm." });
    }
    if (node.kind === "assessment" && (node.organisationId === null || !node.rule)) {
      issues.push({
        code: node.code,
        message: "Tiêu chí theo đánh giá cần phòng, ban đánh giá và cách tính điểm.",
      });
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return issues;
}
