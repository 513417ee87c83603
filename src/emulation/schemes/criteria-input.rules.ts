/**
 * Checking criteria as typed into a form or sent to the API, before they reach the tree rules.
 * Pure: field errors in Vietnamese keyed by the field name relative to the criterion.
 */

import { ASSESSMENT_RULES, INDICATOR_RULES } from "../scoring/scoring.rules.js";
import { type CriterionKind, isCriterionKind } from "./criteria-tree.rules.js";

export interface CriterionInput {
  code: string;
  name: string;
  maxPoints: number;
  kind: string;
  indicatorCode?: string | null;
  organisationId?: number | null;
  rule?: string | null;
  fixedPoints?: number | null;
}

const CODE = /^[\p{L}\p{N}.\-_]{1,20}$/u;

/** Errors of one node (not its children), keyed `code`, `name`, `maxPoints`, `kind`, `rule`, … */
export function criterionInputErrors(input: CriterionInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!CODE.test(input.code)) errors.code = "Mã tiêu chí gồm 1–20 ký tự: chữ, số, dấu chấm, gạch ngang.";
  if (!input.name.trim() || input.name.length > 500)
    errors.name = "Vui lòng nhập tên tiêu chí (tối đa 500 ký tự).";
  if (!(Number.isFinite(input.maxPoints) && input.maxPoints > 0 && input.maxPoints <= 100_000)) {
    errors.maxPoints = "Điểm tối đa phải lớn hơn 0.";
  }
  if (!isCriterionKind(input.kind)) {
    errors.kind = "Loại tiêu chí không hợp lệ.";
    return errors;
  }
  const kind: CriterionKind = input.kind;
  if (kind === "indicator_rule") {
    if (!input.indicatorCode?.trim()) errors.indicatorCode = "Vui lòng nhập mã chỉ tiêu.";
    if (!input.rule || !(input.rule in INDICATOR_RULES))
      errors.rule = "Vui lòng chọn cách tính điểm theo chỉ tiêu.";
  }
  if (kind === "assessment") {
    if (!input.organisationId) errors.organisationId = "Vui lòng chọn phòng, ban đánh giá.";
    if (!input.rule || !(input.rule in ASSESSMENT_RULES))
      errors.rule = "Vui lòng chọn cách tính điểm theo đánh giá.";
  }
  if (input.fixedPoints !== null && input.fixedPoints !== undefined) {
    if (kind !== "bonus" && kind !== "deduction")
      errors.fixedPoints = "Chỉ điểm thưởng, điểm trừ mới có mức điểm cố định.";
    else if (!(input.fixedPoints > 0 && input.fixedPoints <= input.maxPoints)) {
      errors.fixedPoints = "Mức điểm mỗi lần phải lớn hơn 0 và không quá điểm tối đa.";
    }
  }
  return errors;
}
