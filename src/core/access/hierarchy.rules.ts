/**
 * The administrative hierarchy at a date, computed in memory from the parent links. Pure: the caller
 * loads `UnitSpan`s and `ParentLink`s (a few thousand rows even nationwide) and asks questions.
 */

export interface UnitSpan {
  id: number;
  validFrom: string;
  validTo: string | null;
}

export interface ParentLink {
  unitId: number;
  parentId: number;
  validFrom: string;
  validTo: string | null;
}

/** Inclusive on both ends; a null end means still valid. Dates are `YYYY-MM-DD`, compared as text. */
export function isValidAt(span: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (
    (span.validFrom === null || span.validFrom <= date) && (span.validTo === null || span.validTo >= date)
  );
}

/**
 * The date at which to read a unit's place in the hierarchy "today": today while it exists, its last
 * day once it has been dissolved (so a former ward stays under its former district), its first day
 * if it only exists in the future.
 */
export function effectiveDateOf(unit: UnitSpan, today: string): string {
  if (unit.validTo !== null && unit.validTo < today) return unit.validTo;
  if (unit.validFrom > today) return unit.validFrom;
  return today;
}

export class Hierarchy {
  private readonly parentsByUnit = new Map<number, ParentLink[]>();
  private readonly unitsById = new Map<number, UnitSpan>();

  constructor(units: UnitSpan[], links: ParentLink[]) {
    for (const unit of units) this.unitsById.set(unit.id, unit);
    for (const link of links) {
      const list = this.parentsByUnit.get(link.unitId) ?? [];
      list.push(link);
      this.parentsByUnit.set(link.unitId, list);
    }
  }

  unit(id: number): UnitSpan | undefined {
    return this.unitsById.get(id);
  }

  parentAt(unitId: number, date: string): number | null {
    const link = this.parentsByUnit.get(unitId)?.find((l) => isValidAt(l, date));
    return link ? link.parentId : null;
  }

  /** The unit and its ancestors at `date`, nearest first. Stops on a cycle rather than looping. */
  pathAt(unitId: number, date: string): number[] {
    const path: number[] = [];
    let current: number | null = unitId;
    while (current !== null && !path.includes(current)) {
      path.push(current);
      current = this.parentAt(current, date);
    }
    return path;
  }

  /** The unit's path read at its effective date for `today` (see `effectiveDateOf`). */
  pathForToday(unitId: number, today: string): number[] {
    const unit = this.unitsById.get(unitId);
    if (!unit) return [unitId];
    return this.pathAt(unitId, effectiveDateOf(unit, today));
  }

  /** Every unit (past, present or future) whose path for today passes through one of `roots`. */
  unitIdsUnder(roots: number[], today: string): number[] {
    const rootSet = new Set(roots);
    const ids: number[] = [];
    for (const id of this.unitsById.keys()) {
      if (this.pathForToday(id, today).some((p) => rootSet.has(p))) ids.push(id);
    }
    return ids;
  }

  /** Children of `parentId` (or the top-level units for null) that exist at `date`. */
  childrenAt(parentId: number | null, date: string): number[] {
    const ids: number[] = [];
    for (const unit of this.unitsById.values()) {
      if (!isValidAt(unit, date)) continue;
      if (this.parentAt(unit.id, date) === parentId) ids.push(unit.id);
    }
    return ids;
  }
}
