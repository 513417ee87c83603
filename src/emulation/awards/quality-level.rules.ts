/**
 * Quality levels of collectives and party organisations on a 100-point scale, by the rule set in force
 * for the year judged (quality-rule-sets.rules: QĐ 132-QĐ/TW for 2019, QĐ 366-QĐ/TW today; the
 * defaults below are QĐ 366's), domain.md §3. Pure: no I/O.
 *
 * The level is not a pure function of the score: the score sets a band, conditions can lower it, and
 * the top level is further capped by a quota across a set of units. The three steps are kept apart
 * and each is explained, so a unit can see why it got its level:
 * 1. score band: ≥ 90 excellent, 70–< 90 good, 50–< 70 completed, < 50 not completed;
 * 2. conditions ({@link assessQualityLevel}): excellent needs every task on time and ≥ 30% exceeded;
 *    good needs every task on time; a unit failing a condition drops to the highest level it meets;
 * 3. quota ({@link applyExcellenceQuota}): at most 20% of the units rated good or better keep excellent.
 */
import { formatViNumber, roundHalfAwayFromZero } from "../../core/format/vi-number.js";
import { rankCompetition } from "../ranking/ranking.math.js";
import { CURRENT_QUALITY_RULES, type QualityRuleSet } from "./quality-rule-sets.rules.js";

export type QualityLevel = "excellent" | "good" | "completed" | "not_completed";

export const QUALITY_LEVEL_LABELS: Record<QualityLevel, string> = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  completed: "Hoàn thành nhiệm vụ",
  not_completed: "Không hoàn thành nhiệm vụ",
};

/** Highest first; used to compare levels. */
const ORDER: readonly QualityLevel[] = ["excellent", "good", "completed", "not_completed"];

/** Tasks (nhiệm vụ, chỉ tiêu) of the year: how many, how many done on time, how many exceeded. */
export interface TaskRecord {
  total: number;
  onTime: number;
  exceeded: number;
}

/** A further condition a locality or regulation adds, required for `requiredFor` and every level above. */
export interface ExtraCondition {
  label: string;
  passed: boolean;
  explanation: string;
  requiredFor: "excellent" | "good";
}

export interface QualityInput {
  /** 0–100; compared at 6 fraction digits so summed points do not miss a threshold by binary noise. */
  score: number;
  tasks: TaskRecord;
  extraConditions?: readonly ExtraCondition[];
}

export interface ConditionCheck {
  code:
    | "score_at_least_90"
    | "score_at_least_70"
    | "all_tasks_on_time"
    | "exceeded_at_least_30_percent"
    | "extra";
  label: string;
  passed: boolean;
  /** Vietnamese, with the figures: "12/14 nhiệm vụ hoàn thành đúng hạn, 2 nhiệm vụ chậm hoặc chưa xong." */
  explanation: string;
  /** The lowest level that needs this condition. */
  requiredFor: "excellent" | "good";
}

export interface QualityAssessment {
  /** The band the score alone falls in. */
  scoreLevel: QualityLevel;
  /** The level after the conditions, before any quota. */
  level: QualityLevel;
  conditions: ConditionCheck[];
  /** The level is excellent, so it still depends on the quota across units. */
  subjectToQuota: boolean;
  explanation: string;
}

const pct = (part: number, whole: number) =>
  `${formatViNumber((part / whole) * 100, { maximumFractionDigits: 2 })}%`;

function assertCount(value: number, what: string, max?: number): void {
  if (!Number.isInteger(value) || value < 0 || (max !== undefined && value > max)) {
    throw new RangeError(`${what} must be a whole number from 0${max === undefined ? "" : ` to ${max}`}`);
  }
}

/** The band of a score alone. Throws RangeError for a score that is not a finite number ≥ 0. */
export function scoreBand(score: number, bands = CURRENT_QUALITY_RULES.bands): QualityLevel {
  if (!Number.isFinite(score) || score < 0)
    throw new RangeError(`score must be a finite number ≥ 0, got ${score}`);
  const s = roundHalfAwayFromZero(score, 6);
  return s >= bands.excellent
    ? "excellent"
    : s >= bands.good
      ? "good"
      : s >= bands.completed
        ? "completed"
        : "not_completed";
}

/**
 * Assesses one unit: the score band, every condition with pass/fail and figures, and the resulting level
 * before the quota. With no tasks at all, "every task on time" holds (nothing was late) but "≥ 30%
 * exceeded" does not (there is nothing to exceed), so such a unit can be good but not excellent.
 * Throws RangeError for a negative or non-finite score or inconsistent task counts.
 */
export function assessQualityLevel(
  input: QualityInput,
  rules: QualityRuleSet = CURRENT_QUALITY_RULES,
): QualityAssessment {
  const scoreLevel = scoreBand(input.score, rules.bands);
  const { total, onTime, exceeded } = input.tasks;
  assertCount(total, "tasks.total");
  assertCount(onTime, "tasks.onTime", total);
  assertCount(exceeded, "tasks.exceeded", total);
  const score = formatViNumber(input.score, { maximumFractionDigits: 2 });

  const late = total - onTime;
  const conditions: ConditionCheck[] = [
    {
      code: "score_at_least_90",
      label: `Đạt từ ${rules.bands.excellent} điểm trở lên`,
      passed: scoreLevel === "excellent",
      explanation: `Đạt ${score} điểm.`,
      requiredFor: "excellent",
    },
    {
      code: "score_at_least_70",
      label: `Đạt từ ${rules.bands.good} điểm trở lên`,
      passed: scoreLevel === "excellent" || scoreLevel === "good",
      explanation: `Đạt ${score} điểm.`,
      requiredFor: "good",
    },
    {
      code: "all_tasks_on_time",
      label: rules.allTasksLabel,
      passed: late === 0,
      explanation:
        total === 0
          ? "Không có nhiệm vụ được giao, nên không có nhiệm vụ chậm."
          : late === 0
            ? `${onTime}/${total} nhiệm vụ hoàn thành đúng hạn.`
            : `${onTime}/${total} nhiệm vụ hoàn thành đúng hạn, ${late} nhiệm vụ chậm hoặc chưa xong.`,
      requiredFor: "good",
    },
    ...exceededCondition(rules.exceededAtLeastPercent, total, exceeded),
    ...(input.extraConditions ?? []).map((extra): ConditionCheck => ({ code: "extra", ...extra })),
  ];

  const meets = (level: "excellent" | "good") =>
    conditions.every((c) => c.passed || (level === "good" && c.requiredFor === "excellent"));
  const level: QualityLevel = meets("excellent")
    ? "excellent"
    : meets("good")
      ? "good"
      : scoreLevel === "not_completed"
        ? "not_completed"
        : "completed";

  return {
    scoreLevel,
    level,
    conditions,
    subjectToQuota: level === "excellent",
    explanation: explain(scoreLevel, level, conditions, score, rules.quotaPercent),
  };
}

/** "≥ 30% of tasks exceeded" for excellent, when the rule set has such a condition (QĐ 366 has). */
function exceededCondition(percent: number | null, total: number, exceeded: number): ConditionCheck[] {
  if (percent === null) return [];
  return [
    {
      code: "exceeded_at_least_30_percent",
      label: `Ít nhất ${formatViNumber(percent)}% nhiệm vụ hoàn thành vượt mức`,
      // Integer arithmetic: 3/10 must pass exactly at 30%, without 0.3 * 10 rounding doubts.
      passed: total > 0 && exceeded * 100 >= total * percent,
      explanation:
        total === 0
          ? "Không có nhiệm vụ để tính tỷ lệ vượt mức."
          : `${exceeded}/${total} nhiệm vụ hoàn thành vượt mức, tỷ lệ ${pct(exceeded, total)}.`,
      requiredFor: "excellent",
    },
  ];
}

function explain(
  scoreLevel: QualityLevel,
  level: QualityLevel,
  conditions: ConditionCheck[],
  score: string,
  quotaPercent: number,
): string {
  const band = `Đạt ${score} điểm, thuộc khung điểm "${QUALITY_LEVEL_LABELS[scoreLevel]}".`;
  if (level === scoreLevel) {
    const quota =
      level === "excellent"
        ? ` Còn phụ thuộc tỷ lệ tối đa ${formatViNumber(quotaPercent)}% số đơn vị xếp loại tốt trở lên.`
        : "";
    return `${band} Xếp loại "${QUALITY_LEVEL_LABELS[level]}".${quota}`;
  }
  // Only conditions of the levels between the result and the score band explain the drop (a unit in the
  // "good" band did not drop for lack of exceeded tasks, which only excellent needs).
  const failed = conditions.filter(
    (c) =>
      !c.passed &&
      c.code !== "score_at_least_90" &&
      c.code !== "score_at_least_70" &&
      isHigherLevel(c.requiredFor, level) &&
      !isHigherLevel(c.requiredFor, scoreLevel),
  );
  const reasons = failed.map(
    (c) =>
      `${c.label.charAt(0).toLocaleLowerCase("vi-VN")}${c.label.slice(1)} (${c.explanation.replace(/\.$/, "")})`,
  );
  return `${band} Chưa đạt điều kiện: ${reasons.join("; ")}. Xếp loại "${QUALITY_LEVEL_LABELS[level]}".`;
}

/** A unit after {@link assessQualityLevel}, for the quota. */
export interface QuotaUnit {
  id: string;
  score: number;
  level: QualityLevel;
}

export interface QuotaDecision {
  id: string;
  score: number;
  /** kept: stays excellent; moved_down: to good; tie_at_limit: tied at the last place(s), undecidable by score. */
  outcome: "kept" | "moved_down" | "tie_at_limit";
  /** Level after the quota; tie_at_limit units are provisionally good until the competent body decides. */
  level: QualityLevel;
  explanation: string;
}

export interface QuotaResult {
  /** Units rated good or better: the base the percentage applies to. */
  base: number;
  /** Most units that may keep excellent: floor(base × percent ÷ 100), "không vượt quá". */
  quota: number;
  /** One decision per excellent candidate, best score first. Other units are unaffected. */
  decisions: QuotaDecision[];
  explanation: string;
}

/**
 * Applies the cap "at most `percent`% (default 20) of the units rated good or better may be excellent"
 * across one set of units (e.g. the wards of a district). Candidates are the units at excellent;
 * the base counts them and the units at good (excellent is chosen from among those rated good). The
 * quota is rounded down, since the rule says "không vượt quá": 20% of 14 is 2,8, so 2; 20% of 4 is 0.
 * Candidates keep excellent by score; when a tie straddles the limit, the score cannot decide, so the
 * tied units are reported as tie_at_limit (provisionally good) for the competent body to decide,
 * rather than broken by an arbitrary order. Throws RangeError for a duplicate id or bad score.
 */
export function applyExcellenceQuota(
  units: readonly QuotaUnit[],
  options: { percent?: number } = {},
): QuotaResult {
  const percent = options.percent ?? 20;
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`percent must be 0–100, got ${percent}`);
  const base = units.filter((u) => u.level === "excellent" || u.level === "good").length;
  // base × percent is exact for whole percentages; the epsilon only guards fractional ones.
  const quota = Math.floor((base * percent) / 100 + 1e-9);
  const candidates = units.filter((u) => u.level === "excellent");
  const ranked = rankCompetition(candidates);
  const scoreById = new Map(candidates.map((u) => [u.id, u.score]));
  const exact = formatViNumber((base * percent) / 100, { maximumFractionDigits: 2 });
  const limit = `hạn mức ${quota} đơn vị (${formatViNumber(percent)}% của ${base} đơn vị xếp loại tốt trở lên là ${exact}, lấy phần nguyên)`;

  const decisions = ranked.map((r): QuotaDecision => {
    const score = scoreById.get(r.id) as number;
    const tiedCount = ranked.filter((o) => o.rank === r.rank).length;
    const lastPlace = r.rank + tiedCount - 1;
    const where = `đạt ${formatViNumber(score, { maximumFractionDigits: 2 })} điểm, xếp thứ ${r.rank}/${ranked.length} đơn vị đủ điều kiện${r.tied ? " (đồng hạng)" : ""}`;
    if (lastPlace <= quota) {
      return {
        id: r.id,
        score,
        outcome: "kept",
        level: "excellent",
        explanation: `Giữ mức xuất sắc: ${where}, trong ${limit}.`,
      };
    }
    if (r.rank <= quota) {
      const seats = quota - r.rank + 1;
      return {
        id: r.id,
        score,
        outcome: "tie_at_limit",
        level: "good",
        explanation: `Chưa xác định: ${where}; ${tiedCount} đơn vị đồng điểm cho ${seats} suất còn lại trong ${limit}. Tạm xếp "Hoàn thành tốt nhiệm vụ", đề nghị cấp có thẩm quyền xem xét, quyết định.`,
      };
    }
    return {
      id: r.id,
      score,
      outcome: "moved_down",
      level: "good",
      explanation: `Chuyển xuống "Hoàn thành tốt nhiệm vụ": ${where}, ngoài ${limit}.`,
    };
  });

  const kept = decisions.filter((d) => d.outcome === "kept").length;
  const tiedAtLimit = decisions.filter((d) => d.outcome === "tie_at_limit").length;
  const explanation =
    `${candidates.length} đơn vị đủ điều kiện xuất sắc; ${limit}; ${kept} đơn vị giữ mức xuất sắc` +
    `${tiedAtLimit > 0 ? `, ${tiedAtLimit} đơn vị đồng điểm ở giới hạn chờ quyết định` : ""}.`;
  return { base, quota, decisions, explanation };
}

/** True when `a` is a higher level than `b`. */
export function isHigherLevel(a: QualityLevel, b: QualityLevel): boolean {
  return ORDER.indexOf(a) < ORDER.indexOf(b);
}
