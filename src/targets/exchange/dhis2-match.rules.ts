/**
 * Matching DHIS2 `orgUnit` values to units. Pure: no I/O. A statistics code is not unique over time
 * (the new Bồ Đề of 2025 carries the old Ngọc Thụy's 00118), so a code matches the units that carry it
 * and exist during the period; a plain number that matches no code is read as an internal id.
 */
import type { UnitSpanRow } from "../evaluation/evaluation.repo.js";

export type OrgUnitMatch = { ok: true; unitId: number } | { ok: false; message: string };

const overlaps = (u: UnitSpanRow, start: string, end: string) =>
  u.validFrom <= end && (u.validTo === null || u.validTo >= start);

export function matchOrgUnit(
  orgUnit: string,
  window: { start: string; end: string },
  units: readonly UnitSpanRow[],
): OrgUnitMatch {
  if (orgUnit === "") return { ok: false, message: "thiếu đơn vị (orgUnit)." };
  const byCode = units.filter((u) => u.code === orgUnit && overlaps(u, window.start, window.end));
  if (byCode.length === 1) return { ok: true, unitId: (byCode[0] as UnitSpanRow).id };
  if (byCode.length > 1) {
    const names = byCode.map((u) => `${u.name} (#${u.id})`).join(", ");
    return {
      ok: false,
      message: `mã đơn vị “${orgUnit}” trùng giữa nhiều đơn vị trong kỳ: ${names}; hãy dùng mã nội bộ.`,
    };
  }
  if (/^\d{1,9}$/.test(orgUnit)) {
    const byId = units.find((u) => u.id === Number(orgUnit));
    if (byId) return { ok: true, unitId: byId.id };
  }
  return { ok: false, message: `không có đơn vị mã “${orgUnit}” trong kỳ.` };
}

/** What an export writes as `orgUnit`: the code when it names only this unit in the period, else the id. */
export function orgUnitLabel(
  unit: UnitSpanRow,
  window: { start: string; end: string },
  sameCode: readonly UnitSpanRow[],
): string {
  if (!unit.code) return String(unit.id);
  const holders = sameCode.filter((u) => u.code === unit.code && overlaps(u, window.start, window.end));
  return holders.length === 1 ? unit.code : String(unit.id);
}
