/**
 * Whether a party (a unit, or one of its organisations) may be named in a record dated `date`: the
 * unit exists then, and the organisation belongs to that unit and exists then. Pure: the caller
 * loads the spans. Every service that takes a unit + organisation pair asks this one rule, so a ward
 * cannot name another ward's department as the lead of its directive (security issue, defect 1).
 */

import { formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";

export interface PartySpan {
  validFrom: string;
  validTo: string | null;
}

export interface OrganisationSpan extends PartySpan {
  id: number;
  unitId: number;
}

/**
 * One party as sent, with the field paths to blame: `lead` gives `lead.unitId` and
 * `lead.organisationId`; a flat form (`hostUnitId`, `hostOrganisationId`) names both paths itself.
 * `unitId` is null where a record takes an organisation alone (an opinion's speaker).
 */
export interface PartyToCheck {
  unitPath: string;
  organisationPath: string;
  unitId: number | null;
  organisationId: number | null;
}

/** The paths `path.unitId` and `path.organisationId` for a party sent as `{ unitId, organisationId }`. */
export function partyAt(
  path: string,
  party: { unitId: number | null; organisationId?: number | null },
): PartyToCheck {
  return {
    unitPath: `${path}.unitId`,
    organisationPath: `${path}.organisationId`,
    unitId: party.unitId,
    organisationId: party.organisationId ?? null,
  };
}

function outsideMessage(what: "Đơn vị" | "Tổ chức", span: PartySpan, date: string): string | null {
  if (span.validTo !== null && span.validTo < date)
    return `${what} này chỉ tồn tại đến ngày ${formatDateVi(span.validTo)} (đã giải thể hoặc sáp nhập), không còn vào ngày ${formatDateVi(date)}; hãy chọn ${what.toLowerCase()} hiện có.`;
  if (span.validFrom > date)
    return `${what} này chỉ tồn tại từ ngày ${formatDateVi(span.validFrom)}, chưa có vào ngày ${formatDateVi(date)}.`;
  return null;
}

/**
 * The field errors (path → Vietnamese message) of the parties at `date`; empty when all are fine.
 * `unitOf` answers a unit's span (undefined for no such unit); `organisations` holds those found.
 */
export function partyErrors(
  parties: readonly PartyToCheck[],
  unitOf: (id: number) => PartySpan | undefined,
  organisations: ReadonlyMap<number, OrganisationSpan>,
  date: string,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const p of parties) {
    if (p.unitId !== null) {
      const unit = unitOf(p.unitId);
      const problem = unit ? outsideMessage("Đơn vị", unit, date) : "Không có đơn vị này.";
      if (problem) {
        fields[p.unitPath] ??= problem;
        continue;
      }
    }
    if (p.organisationId === null) continue;
    const org = organisations.get(p.organisationId);
    const problem = !org
      ? "Không có tổ chức này."
      : p.unitId !== null && org.unitId !== p.unitId
        ? "Tổ chức này không thuộc đơn vị đã chọn."
        : outsideMessage("Tổ chức", org, date);
    if (problem) fields[p.organisationPath] ??= problem;
  }
  return fields;
}
