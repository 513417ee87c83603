/**
 * What may change in a criteria tree that is already in use: editing a criterion and deleting one.
 * Pure: the caller loads the scheme's criteria and how each criterion has been scored.
 *
 * Scores are official data (a ward's self-scoring, the reviewer's, the council's), so a change must
 * never silently invalidate them: a scored criterion keeps its kind, its maximum may not fall below a
 * score already given, and it cannot be deleted at all (the scores would go with it).
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import type { CriterionInput } from "./criteria-input.rules.js";
import type { Criterion } from "./criteria-tree.rules.js";

/** How one criterion has been scored so far, over every unit and stage. */
export interface ScoreUsage {
  /** Units with at least one score on the criterion. */
  units: number;
  /** The highest points recorded. */
  maxPoints: number;
}

/** The criterion and every criterion below it. */
export function subtreeIds(criteria: readonly Criterion[], id: number): Set<number> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of criteria) {
      if (c.parentId !== null && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

/**
 * Errors (field → Vietnamese message) that stop `input` replacing criterion `id`, beyond the checks of
 * the input itself (criteria.input). The code stays unique, the parent is a group that is not the
 * criterion or one below it, the max fits in the parent, a criterion with children stays a group, and
 * a scored criterion keeps its kind and a max at least its highest score.
 */
export function criterionChangeErrors(
  criteria: readonly Criterion[],
  id: number,
  input: CriterionInput & { parentId: number | null },
  usage: ReadonlyMap<number, ScoreUsage>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const current = criteria.find((c) => c.id === id);
  if (!current) return { id: "Không tìm thấy tiêu chí." };
  if (criteria.some((c) => c.id !== id && c.code === input.code)) errors.code = "Mã tiêu chí bị trùng.";
  const parent = input.parentId === null ? null : criteria.find((c) => c.id === input.parentId);
  if (input.parentId !== null && subtreeIds(criteria, id).has(input.parentId)) {
    errors.parentId = "Không thể chuyển tiêu chí vào chính nó hoặc vào tiêu chí con của nó.";
  } else if (input.parentId !== null && parent?.kind !== "group") {
    errors.parentId = "Tiêu chí cha phải là một nhóm của bảng này.";
  } else if (parent && input.maxPoints > parent.maxPoints) {
    errors.maxPoints = "Điểm tối đa không được vượt điểm tối đa của nhóm.";
  }
  const hasChildren = criteria.some((c) => c.parentId === id);
  if (hasChildren && input.kind !== "group") {
    errors.kind = "Tiêu chí đang có tiêu chí con nên phải là nhóm; chuyển hoặc xóa các tiêu chí con trước.";
  }
  const used = usage.get(id);
  if (used) {
    if (input.kind !== current.kind) {
      errors.kind = `Tiêu chí đã có điểm chấm của ${used.units} đơn vị nên không đổi được loại.`;
    } else if (input.maxPoints < used.maxPoints - 1e-9) {
      errors.maxPoints = `Đã có đơn vị được chấm ${formatViNumber(used.maxPoints)} điểm ở tiêu chí này: điểm tối đa không được thấp hơn.`;
    }
  }
  return errors;
}

/**
 * Why criterion `id` cannot be deleted, in Vietnamese, or null when it can: it is not scored, and
 * (for a group) it has no criteria below it, which must be moved or deleted first, one by one, so
 * nothing goes without being seen.
 */
export function deletionRefusal(
  criteria: readonly Criterion[],
  id: number,
  usage: ReadonlyMap<number, ScoreUsage>,
): string | null {
  const criterion = criteria.find((c) => c.id === id);
  if (!criterion) return "Không tìm thấy tiêu chí.";
  const used = usage.get(id);
  if (used) {
    return `Không xóa được tiêu chí ${criterion.code}: đã có điểm chấm của ${used.units} đơn vị. Hãy xóa các điểm đã chấm trước, hoặc giữ tiêu chí và sửa tên, điểm tối đa.`;
  }
  const children = criteria.filter((c) => c.parentId === id).length;
  if (children > 0) {
    return `Không xóa được nhóm ${criterion.code}: nhóm còn ${children} tiêu chí con. Hãy chuyển hoặc xóa các tiêu chí con trước.`;
  }
  return null;
}
