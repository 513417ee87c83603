/**
 * Turns the predecessors' loaded rows into the rows of the unit on the comparable base: rebuilt
 * figures for every period key read, rebuilt targets for the period, and for each indicator the note
 * saying how its figure was made or why it could not be. The evaluation itself is then the usual one
 * (evaluation-assembly.rules) on these rows. Pure: no I/O.
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import type { TargetRow } from "../assignment/targets.repo.js";
import type { Indicator } from "../catalogue/indicator.model.js";
import { addFigure, type FigureSet, type ResolvedTarget } from "../evaluation/evaluation-assembly.rules.js";
import { periodLabel } from "../period.rules.js";
import { formatFigure } from "../targets-format.rules.js";
import {
  type ComparableRule,
  defaultComparableRule,
  type RebuildPart,
  type Rebuilt,
  rebuildLevel,
  rebuildValue,
} from "./comparable-base.math.js";

/** One predecessor with its share and what was read of it. */
export interface PredecessorRows {
  unitId: number;
  /** "phường Thượng Thanh". */
  label: string;
  share: number | null;
  /** period key → indicator id → approved figures. */
  figures: ReadonlyMap<string, ReadonlyMap<number, FigureSet>>;
  /** The targets that applied to it for the period (own or its parent's). */
  targets: ReadonlyMap<number, ResolvedTarget>;
}

export interface RebuildSettings {
  rule: (indicator: Indicator) => ComparableRule;
  /** The indicator whose figures weight a mean of `indicator`, or null when none is known. */
  weightId: (indicator: Indicator) => number | null;
  /** The weight's name for messages: "dân số". */
  weightName: (indicator: Indicator) => string;
  /** May the weight's figures be printed (a non-public weight stays out of public notes)? */
  weightVisible: (indicator: Indicator) => boolean;
}

export interface RebuiltRows {
  figures: Map<string, Map<number, FigureSet>>;
  targets: TargetRow[];
  /** indicator id → the note on how its figure was rebuilt, or why not. */
  notes: Map<number, string>;
}

/** "60%" for a share 0,6; "?" when missing. */
export const shareText = (share: number | null) =>
  share === null ? "?" : `${formatViNumber(share * 100, { maximumFractionDigits: 2 })}%`;

const figureOf = (set: FigureSet | undefined) => set?.final ?? set?.estimate;

function partsFor(
  indicator: Indicator,
  key: string,
  predecessors: readonly PredecessorRows[],
  weightId: number | null,
): RebuildPart[] {
  return predecessors.map((p) => {
    const set = p.figures.get(key)?.get(indicator.id);
    const weight = weightId === null ? undefined : figureOf(p.figures.get(key)?.get(weightId));
    return { unitId: p.unitId, share: p.share, final: set?.final, estimate: set?.estimate, weight };
  });
}

function failureText(
  result: Exclude<Rebuilt, { ok: true }>,
  indicator: Indicator,
  key: string,
  settings: RebuildSettings,
  labels: ReadonlyMap<number, string>,
  weightKnown: boolean,
): string {
  const names = result.unitIds.map((id) => labels.get(id) ?? String(id)).join(", ");
  const why =
    result.reason === "rule"
      ? "chỉ tiêu này không quy đổi theo địa bàn"
      : result.reason === "share"
        ? `thiếu tỷ lệ dân số chuyển sang địa bàn mới của ${names}`
        : result.reason === "figure"
          ? `chưa có số liệu đã duyệt ${periodLabel(key)} của ${names}`
          : weightKnown
            ? `chưa có số liệu ${settings.weightName(indicator)} ${periodLabel(key)} của ${names} để tính bình quân gia quyền`
            : "chưa có chỉ tiêu dân số (mã DAN_SO) làm quyền số để tính bình quân gia quyền";
  return `Chưa quy đổi được: ${why}; không ước đoán.`;
}

function formulaText(
  indicator: Indicator,
  rule: ComparableRule,
  parts: readonly RebuildPart[],
  predecessors: readonly PredecessorRows[],
  value: number,
  settings: RebuildSettings,
): string {
  const unit = indicator.unitOfMeasure;
  const terms = parts.map((p, i) => {
    const label = predecessors[i]?.label ?? "";
    const figure = formatFigure((p.final ?? p.estimate) as number, unit);
    if (rule === "sum") return `${shareText(p.share)} × ${figure} (${label})`;
    return settings.weightVisible(indicator)
      ? `${figure} (${label}, ${shareText(p.share)} × ${formatViNumber(p.weight as number)} ${settings.weightName(indicator)})`
      : `${figure} (${label}, ${shareText(p.share)} ${settings.weightName(indicator)})`;
  });
  const how = rule === "sum" ? "Quy đổi" : `Bình quân gia quyền theo ${settings.weightName(indicator)}`;
  const joined = rule === "sum" ? terms.join(" + ") : terms.join("; ");
  return `${how}: ${joined} = ${formatFigure(value, unit)}.`;
}

/** The rebuilt target of one indicator for the period, as a target row of the unit; null when none. */
function rebuiltTarget(
  indicator: Indicator,
  rule: ComparableRule,
  predecessors: readonly PredecessorRows[],
  weights: readonly (number | undefined)[],
  unit: { unitId: number; periodKey: string },
): TargetRow | null {
  const rows = predecessors.map((p) => p.targets.get(indicator.id)?.latest ?? null);
  const first = rows[0];
  if (!first || rows.some((r) => r === null || r.aggregation !== first.aggregation)) return null;
  // Only levels and floors add up or average across areas; a reduction's baseline or a count of
  // sub-targets belongs to one area, so such targets are not rebuilt (said, not guessed).
  if (first.kind !== "level" && first.kind !== "at_least" && first.kind !== "at_most") return null;
  if (rows.some((r) => r?.kind !== first.kind || r?.assignedBy !== first.assignedBy)) return null;
  const level = rebuildLevel(
    rule,
    predecessors.map((p, i) => ({ share: p.share, weight: weights[i], level: rows[i]?.level ?? null })),
  );
  if (!level) return null;
  return {
    id: -indicator.id,
    indicatorId: indicator.id,
    unitId: unit.unitId,
    appliesTo: "unit",
    periodKind: first.periodKind,
    periodKey: unit.periodKey,
    periodStart: first.periodStart,
    periodEnd: first.periodEnd,
    aggregation: first.aggregation,
    level,
    assignedBy: first.assignedBy,
    kind: first.kind,
    baseline: null,
    subTotal: null,
    revision: 0,
    document: "Quy đổi từ chỉ tiêu giao cho các đơn vị trước sắp xếp",
    note: null,
    createdBy: null,
    createdAt: "",
  };
}

/**
 * Rebuilds, for every indicator, its figures for each of `keys` and its target for `periodKey`.
 * Weights of a mean are each key's own figures of the weight indicator; a term target is weighted by
 * the last year read that has every weight.
 */
export function rebuildRows(input: {
  unitId: number;
  periodKey: string;
  keys: readonly string[];
  indicators: readonly Indicator[];
  predecessors: readonly PredecessorRows[];
  settings: RebuildSettings;
}): RebuiltRows {
  const { predecessors, settings } = input;
  const labels = new Map(predecessors.map((p) => [p.unitId, p.label]));
  const figures = new Map<string, Map<number, FigureSet>>();
  const targets: TargetRow[] = [];
  const notes = new Map<number, string>();
  for (const indicator of input.indicators) {
    const rule = settings.rule(indicator);
    const weightId = rule === "weighted_mean" ? settings.weightId(indicator) : null;
    const used = predecessors.some(
      (p) => p.targets.has(indicator.id) || input.keys.some((k) => p.figures.get(k)?.has(indicator.id)),
    );
    if (!used) continue;
    let weightsForTarget: (number | undefined)[] = predecessors.map(() => undefined);
    for (const key of input.keys) {
      const parts = partsFor(indicator, key, predecessors, weightId);
      if (parts.every((p) => p.weight !== undefined)) weightsForTarget = parts.map((p) => p.weight);
      const result = rebuildValue(rule, parts);
      if (result.ok) {
        addFigure(figures, {
          periodKey: key,
          indicatorId: indicator.id,
          version: result.basis,
          value: result.value,
        });
        if (key === input.periodKey) {
          notes.set(indicator.id, formulaText(indicator, rule, parts, predecessors, result.value, settings));
        }
      } else if (
        key === input.periodKey ||
        (!notes.has(indicator.id) && parts.some((p) => p.final ?? p.estimate))
      ) {
        notes.set(indicator.id, failureText(result, indicator, key, settings, labels, weightId !== null));
      }
    }
    const target = rebuiltTarget(indicator, rule, predecessors, weightsForTarget, input);
    if (target) targets.push(target);
  }
  return { figures, targets, notes };
}

/** The rule of an indicator: the one set on it, else the default of its value type. */
export function ruleOf(indicator: Indicator, stored: ComparableRule | null | undefined): ComparableRule {
  return stored ?? defaultComparableRule(indicator.valueType);
}
