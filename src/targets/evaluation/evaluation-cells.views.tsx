/**
 * Cells of the evaluation table that read several targets or a part of a year: every target with who
 * assigned it, the % of each ("đạt 53,25% kế hoạch năm"), and the same period last year. No I/O.
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import { ASSIGNER_LABELS } from "../assignment/target.model.js";
import { formatFigure, formatLevel, formatPct } from "../targets-format.rules.js";
import type { IndicatorEvaluation } from "./evaluation.model.js";

const unitOf = (e: IndicatorEvaluation) => e.semantics.unit ?? e.indicator.unitOfMeasure;

/** Percentages as the indicator's reports write them (whole or one decimal), else two decimals at most. */
export function pctOf(e: IndicatorEvaluation, value: number | null): string {
  if (value === null) return "—";
  const digits = e.indicator.percentDigits;
  return digits === null ? formatPct(value) : `${formatViNumber(value, { maximumFractionDigits: digits })}%`;
}

/**
 * The targets of an indicator, each named by who assigned it when there are several or when it is not
 * from the level above; for a part of a year, the year's targets ("Kế hoạch năm").
 */
export function TargetsCell({ e, fallback }: { e: IndicatorEvaluation; fallback: string }) {
  const named = e.targets.length > 1 || e.targets.some((t) => t.assignedBy !== "higher");
  if (e.targets.length === 0 || (!named && !e.progress)) return <td>{fallback}</td>;
  const year = e.progress && !e.term && e.target === null;
  return (
    <td>
      <ul class="plain-list">
        {e.targets.map((t) => (
          <li>
            {named ? `${ASSIGNER_LABELS[t.assignedBy]}: ` : ""}
            {year ? "kế hoạch năm " : ""}
            {formatLevel(t.evaluation.target, unitOf(e))}
          </li>
        ))}
      </ul>
    </td>
  );
}

/** The % of each target (the share of the year's target for a part of a year), in the targets' order. */
export function AchievementCell({ e }: { e: IndicatorEvaluation }) {
  if (e.targets.length <= 1 && !e.progress)
    return <td class="num">{pctOf(e, e.evaluation.achievementPct)}</td>;
  const rows = e.targets.length > 0 ? e.targets : [];
  return (
    <td class="num">
      <ul class="plain-list">
        {rows.map((t) => {
          const pct = t.progress ? t.progress.yearTargetPct : t.evaluation.achievementPct;
          return <li>{pct === null ? "—" : `${pctOf(e, pct)}${t.progress && !e.term ? " năm" : ""}`}</li>;
        })}
        {e.progress?.expectedPct != null ? (
          <li class="muted">tiến độ {pctOf(e, e.progress.expectedPct)}</li>
        ) : null}
      </ul>
    </td>
  );
}

/** "tăng 2,8 tỷ đồng (tăng 15,14%) so với cùng kỳ" beside last year's figure; "—" without one. */
export function SamePeriodCell({ e }: { e: IndicatorEvaluation }) {
  const same = e.samePeriod;
  if (!same || same.previous === null || e.evaluation.actual === null) return <td>—</td>;
  return (
    <td>
      {formatFigure(same.previous, unitOf(e))}
      <br />
      <span class="muted">{same.wording}</span>
    </td>
  );
}
