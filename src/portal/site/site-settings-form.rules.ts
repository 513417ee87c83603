/**
 * The site settings form: posted strings in, settings or Vietnamese messages per field out; and the
 * stored settings back as form values. Pure.
 */
import type { FieldErrors } from "../../core/http/errors.js";
import type { SiteSettings } from "./site-settings.repo.js";

export const SITE_FORM_FIELDS = [
  "wardName",
  "unit",
  "address",
  "phone",
  "email",
  "openingHours",
  "editorInCharge",
] as const;
export type SiteFormValues = Partial<Record<(typeof SITE_FORM_FIELDS)[number], string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+().\s-]{6,30}$/;

function optional(text: string | undefined): string | null {
  const value = (text ?? "").trim();
  return value === "" ? null : value;
}

/** Reads the posted form; `unitIds` are the units offered in the picker. */
export function readSiteForm(
  v: SiteFormValues,
  unitIds: ReadonlySet<number>,
): { settings: SiteSettings | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const wardName = (v.wardName ?? "").trim();
  if (wardName === "") errors.wardName = "Vui lòng nhập tên phường, xã (ví dụ: phường Việt Hưng).";
  else if (wardName.length > 120) errors.wardName = "Tên phường, xã tối đa 120 ký tự.";
  const unitText = (v.unit ?? "").trim();
  const unitId = unitText === "" ? null : /^\d+$/.test(unitText) ? Number(unitText) : Number.NaN;
  if (unitId !== null && !unitIds.has(unitId)) errors.unit = "Không có đơn vị này.";
  const settings: SiteSettings = {
    wardName,
    unitId,
    address: optional(v.address),
    phone: optional(v.phone),
    email: optional(v.email),
    openingHours: optional(v.openingHours),
    editorInCharge: optional(v.editorInCharge),
  };
  if (settings.phone !== null && !PHONE.test(settings.phone))
    errors.phone = "Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang (6–30 ký tự).";
  if (settings.email !== null && !EMAIL.test(settings.email))
    errors.email = "Địa chỉ thư điện tử chưa đúng (ví dụ: vanphong@viethung.hanoi.gov.vn).";
  for (const key of ["address", "openingHours", "editorInCharge"] as const) {
    if ((settings[key] ?? "").length > 300) errors[key] = "Tối đa 300 ký tự.";
  }
  return Object.keys(errors).length > 0 ? { settings: null, errors } : { settings, errors };
}

export function siteFormValues(settings: SiteSettings | null): SiteFormValues {
  if (!settings) return {};
  return {
    wardName: settings.wardName,
    unit: settings.unitId === null ? "" : String(settings.unitId),
    address: settings.address ?? "",
    phone: settings.phone ?? "",
    email: settings.email ?? "",
    openingHours: settings.openingHours ?? "",
    editorInCharge: settings.editorInCharge ?? "",
  };
}
