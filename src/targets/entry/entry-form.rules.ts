/**
 * Reading the data-entry form: one text field per indicator, typed the vi-VN way ("1.234,5", "90,42%").
 * Pure: no I/O. Messages are Vietnamese and shown next to the field.
 */
import { formatViNumber, parseViNumber } from "../../core/format/vi-number.js";
import type { Indicator } from "../catalogue/indicator.model.js";

export type EntryValue = { ok: true; value: number | boolean | null } | { ok: false; message: string };

/** Milestones are chosen from a list: "dat" (achieved), "chua-dat", or "" (no figure). */
export const MILESTONE_CHOICES = [
  { value: "", label: "— chưa nhập —" },
  { value: "dat", label: "Đã hoàn thành" },
  { value: "chua-dat", label: "Chưa hoàn thành" },
];

/**
 * The value of one field: null when left empty; a number read strictly (see parseViNumber); a "%" or
 * "‰" typed after the number must match the indicator's unit, since 12,5‰ is not 12,5%.
 */
export function parseEntryValue(
  indicator: Pick<Indicator, "valueType" | "unitOfMeasure">,
  raw: string,
): EntryValue {
  const text = raw.trim();
  if (indicator.valueType === "boolean") {
    if (text === "") return { ok: true, value: null };
    if (text === "dat") return { ok: true, value: true };
    if (text === "chua-dat") return { ok: true, value: false };
    return { ok: false, message: "Chọn “Đã hoàn thành” hoặc “Chưa hoàn thành”." };
  }
  if (text === "") return { ok: true, value: null };
  const parsed = parseViNumber(text);
  if (!parsed.ok) return parsed;
  const typed = parsed.unit === "percent" ? "%" : parsed.unit === "permille" ? "‰" : null;
  if (typed && typed !== indicator.unitOfMeasure) {
    return { ok: false, message: `Chỉ tiêu này tính bằng ${indicator.unitOfMeasure}, không phải ${typed}.` };
  }
  return { ok: true, value: parsed.value };
}

/** A stored value as the form shows it again: "1.234,5"; a milestone as its choice. */
export function formatEntryValue(indicator: Pick<Indicator, "valueType">, value: number | null): string {
  if (value === null) return "";
  if (indicator.valueType === "boolean") return value !== 0 ? "dat" : "chua-dat";
  // Enough digits to show any figure the app accepts (15 significant), so a locked row posts back unchanged.
  return formatViNumber(value, { maximumFractionDigits: 10 });
}
