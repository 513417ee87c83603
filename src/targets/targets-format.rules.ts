/**
 * How the targets pages print figures: vi-VN numbers with the unit of measure ("44,4 tỷ đồng",
 * "90,42%"), target levels, and signed gaps. Pure: no I/O.
 */
import { formatViNumber } from "../core/format/vi-number.js";
import type { EvaluationStatus, TargetLevel } from "./evaluation/evaluation.math.js";

const attached = (unit: string) => unit === "%" || unit === "‰";

/** "44,4 tỷ đồng", "90,42%", "Đã hoàn thành" for a milestone's true. */
export function formatFigure(value: number | boolean | null, unit: string, digits = 3): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "Đã hoàn thành" : "Chưa hoàn thành";
  const text = formatViNumber(value, { maximumFractionDigits: digits });
  return attached(unit) ? `${text}${unit}` : `${text} ${unit}`;
}

/** "40 tỷ đồng", "7,3–7,8%", "Hoàn thành"; "—" without a target. */
export function formatLevel(level: TargetLevel | null, unit: string): string {
  if (!level) return "—";
  if (level.kind === "milestone") return "Hoàn thành";
  if (level.kind === "range") {
    const range = `${formatViNumber(level.min, { maximumFractionDigits: 3 })}–${formatViNumber(level.max, { maximumFractionDigits: 3 })}`;
    return attached(unit) ? `${range}${unit}` : `${range} ${unit}`;
  }
  return formatFigure(level.value, unit);
}

/** "111%" / "108,05%"; "—" when there is no percentage. */
export function formatPct(value: number | null): string {
  return value === null ? "—" : `${formatViNumber(value)}%`;
}

/**
 * "+11%", "−3,5 điểm %": the signed gap, ratio first, then points; "—" when none applies. `digits`
 * (0 or 1, how the indicator's reports write percentages) sets the ratio's fraction digits; the
 * default keeps up to two.
 */
export function formatGap(
  exceedPct: number | null,
  exceedPoints: number | null,
  unit: string,
  digits?: number | null,
): string {
  if (exceedPct !== null) {
    const options = { signDisplay: "exceptZero" as const, maximumFractionDigits: digits ?? 2 };
    return `${formatViNumber(exceedPct, options)}%`;
  }
  if (exceedPoints === null) return "—";
  const word = unit === "%" ? " điểm %" : unit === "‰" ? " điểm ‰" : ` ${unit}`;
  return `${formatViNumber(exceedPoints, { signDisplay: "exceptZero" })}${word}`;
}

export const STATUS_LABELS: Record<EvaluationStatus, string> = {
  exceeded: "Vượt",
  met: "Đạt",
  not_met: "Chưa đạt",
  no_data: "Chưa có số liệu",
  no_target: "Chưa giao chỉ tiêu",
  on_track: "Đúng tiến độ",
  behind: "Chậm tiến độ",
};

/** Capitalizes the first letter of a Vietnamese clause for use as a sentence. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi-VN") + text.slice(1);
}
