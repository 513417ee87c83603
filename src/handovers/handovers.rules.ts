/**
 * Pure rules of the hand-over: which current units succeed a unit that no longer exists (following
 * chains of reorganisations), whether a set of decisions is well formed, and the sentences the items'
 * histories show.
 */
import type { FieldErrors } from "../core/http/errors.js";
import { unitDisplayName } from "../units/unit-labels.js";
import type { HandoverDecision, ProposedSuccessor, UnitRef } from "./handovers.model.js";

export interface SuccessionLink {
  fromUnitId: number;
  toUnitId: number;
  populationShare: number | null;
  legalBasis: string | null;
}

export interface UnitFacts extends UnitRef {
  validTo: string | null;
}

/** Does the unit still exist on `today` (its last day not before it)? */
export function existsOn(unit: { validTo: string | null }, today: string): boolean {
  return unit.validTo === null || unit.validTo >= today;
}

/**
 * The units existing on `today` that took over `unitId`: its successors, and for a successor that no
 * longer exists either (Sài Đồng → Phúc Đồng → the new Long Biên), that one's successors in turn.
 * Shares multiply along a chain and are null as soon as one link has none; the legal basis is the
 * last link's. Largest share first, then by name; a unit reached twice is listed once (first path).
 */
export function currentSuccessors(
  unitId: number,
  links: readonly SuccessionLink[],
  units: ReadonlyMap<number, UnitFacts>,
  today: string,
): ProposedSuccessor[] {
  const found = new Map<number, ProposedSuccessor>();
  const walk = (from: number, share: number | null, seen: Set<number>) => {
    for (const link of links) {
      if (link.fromUnitId !== from || seen.has(link.toUnitId)) continue;
      const unit = units.get(link.toUnitId);
      if (!unit) continue;
      const chained = share === null || link.populationShare === null ? null : share * link.populationShare;
      if (existsOn(unit, today)) {
        if (!found.has(unit.unitId))
          found.set(unit.unitId, {
            unitId: unit.unitId,
            name: unit.name,
            level: unit.level,
            populationShare: chained,
            legalBasis: link.legalBasis,
          });
      } else {
        walk(unit.unitId, chained, new Set([...seen, unit.unitId]));
      }
    }
  };
  walk(unitId, 1, new Set([unitId]));
  return [...found.values()].sort(
    (a, b) => (b.populationShare ?? -1) - (a.populationShare ?? -1) || a.name.localeCompare(b.name, "vi"),
  );
}

const MAX_LEGAL_BASIS = 300;

/**
 * What is wrong with the form of the decisions, by field path (`decisions.0.toUnitIds`), before
 * anything is read: one successor to move to, two or more different ones to split between (directives
 * only), none to close; a legal basis; each item decided once.
 */
export function decisionShapeErrors(decisions: readonly HandoverDecision[]): FieldErrors {
  const errors: FieldErrors = {};
  if (decisions.length === 0) errors.decisions = "Vui lòng chọn ít nhất một mục để quyết định.";
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    const at = (field: string) => `decisions.${i}.${field}`;
    const key = `${d.kind}:${d.id}`;
    if (seen.has(key)) errors[at("id")] = "Mục này được quyết định hai lần trong cùng một lần lưu.";
    seen.add(key);
    const basis = d.legalBasis.trim();
    if (!basis) errors[at("legalBasis")] = "Vui lòng ghi căn cứ pháp lý (ví dụ: NQ 1656/NQ-UBTVQH15).";
    else if (basis.length > MAX_LEGAL_BASIS)
      errors[at("legalBasis")] = `Căn cứ pháp lý dài tối đa ${MAX_LEGAL_BASIS} ký tự.`;
    const targets = new Set(d.toUnitIds);
    if (d.action === "move" && d.toUnitIds.length !== 1)
      errors[at("toUnitIds")] = "Chuyển cho đúng một đơn vị kế thừa.";
    if (d.action === "split") {
      if (d.kind !== "directive") errors[at("action")] = "Chỉ nhiệm vụ mới chia được cho nhiều đơn vị.";
      else if (targets.size < 2 || targets.size !== d.toUnitIds.length)
        errors[at("toUnitIds")] = "Chia cho ít nhất hai đơn vị kế thừa khác nhau.";
    }
    if (d.action === "close" && d.toUnitIds.length > 0)
      errors[at("toUnitIds")] = "Kết thúc do sắp xếp đơn vị thì không chuyển cho đơn vị nào.";
    if (d.assigningUnitId != null && d.kind !== "directive")
      errors[at("assigningUnitId")] = "Chỉ nhiệm vụ mới có đơn vị giao nhiệm vụ.";
  });
  return errors;
}

/** "phường Thượng Thanh": a unit's name as it reads inside a sentence. */
export function unitInSentence(unit: { name: string; level: string }): string {
  const full = unitDisplayName(unit);
  return full.charAt(0).toLowerCase() + full.slice(1);
}

/** "Tiếp nhận từ phường Thượng Thanh (NQ 1656/NQ-UBTVQH15)": the history line of a moved item. */
export function receivedText(from: { name: string; level: string }, legalBasis: string): string {
  return `Tiếp nhận từ ${unitInSentence(from)} (${legalBasis.trim()})`;
}

/** "Chia cho phường Việt Hưng, phường Bồ Đề (NQ 1656/NQ-UBTVQH15)": the original's history line. */
export function splitText(to: readonly { name: string; level: string }[], legalBasis: string): string {
  return `Chia cho ${to.map(unitInSentence).join(", ")} (${legalBasis.trim()})`;
}

/** "Hết hiệu lực do sắp xếp đơn vị hành chính (NQ 1656/NQ-UBTVQH15)". */
export function closedText(legalBasis: string): string {
  return `Hết hiệu lực do sắp xếp đơn vị hành chính (${legalBasis.trim()})`;
}
