/**
 * The change log's "before → after" in words: each changed field named in Vietnamese, codes turned
 * into their labels ("in_progress" → "Đang thực hiện"), dates as dd/mm/yyyy, numbers the vi-VN way,
 * nested values (a deadline, a list of coordinators) as short readable text instead of raw JSON.
 */
import { formatDateVi } from "../core/format/vi-date.js";
import { formatViNumber } from "../core/format/vi-number.js";
import { ENTITY_FIELD_LABELS, FIELD_LABELS } from "./audit-labels.model.js";

/** Labels of the codes a kind of record stores, by field: `{ directive: { state: { in_progress: "…" } } }`. */
export type AuditValueLabels = Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>
>;

export interface FieldChange {
  /** The stored field name, e.g. "periodKey". */
  code: string;
  /** Its Vietnamese name, e.g. "Kỳ". */
  field: string;
  /** Readable values; "" when there was none. */
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Longer texts (an article's body, a notice's items) are cut: the log says what changed, not all of it. */
const MAX_TEXT = 240;

function shortText(text: string): string {
  const plain = /<[a-z][^>]*>/i.test(text)
    ? text
        .replace(/<[^>]*>/g, " ")
        .replace(/\s+/g, " ")
        .trim()
    : text;
  return plain.length > MAX_TEXT ? `${plain.slice(0, MAX_TEXT - 1).trimEnd()}…` : plain;
}

/** "periodKey" → "Kỳ"; an unknown field is split into words rather than shown as code. */
export function fieldLabel(code: string, entityType = ""): string {
  const known = ENTITY_FIELD_LABELS[entityType]?.[code] ?? FIELD_LABELS[code];
  if (known) return known;
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fields holding a unit's id: shown by the unit's name when the page knows it. */
export const UNIT_ID_FIELDS = new Set([
  "unitId",
  "lead",
  "ownerUnitId",
  "hostUnitId",
  "issuingUnitId",
  "coordinators",
]);

type ValueLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;
/** Names the page looked up for the ids the values hold. */
export interface NameLookup {
  unit?: (id: number) => string | undefined;
  organisation?: (id: number) => string | undefined;
}

/** One value as text: a code's label, a date, a number, or a short list of an object's parts. */
export function readableValue(
  value: unknown,
  code: string,
  labels: ValueLabels = {},
  names: NameLookup = {},
): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") {
    const name = UNIT_ID_FIELDS.has(code) ? names.unit?.(value) : undefined;
    return name ?? formatViNumber(value);
  }
  if (typeof value === "string") {
    const label = labels[code]?.[value];
    if (label) return label;
    if (ISO_DATE.test(value)) return formatDateVi(value);
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateVi(value.slice(0, 10));
    return shortText(value);
  }
  if (Array.isArray(value)) {
    return value
      .map((item) => readableValue(item, code, labels, names))
      .filter(Boolean)
      .join("; ");
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    // A party or a person is known by its name.
    if (typeof record.name === "string" && record.name !== "") return record.name;
    // A party without its name: { unitId, organisationId } is the organisation, or the unit.
    if (typeof record.unitId === "number") {
      const name =
        typeof record.organisationId === "number"
          ? names.organisation?.(record.organisationId)
          : names.unit?.(record.unitId);
      if (name) return name;
    }
    return Object.entries(record)
      .map(([k, v]) => [k, readableValue(v, k, labels, names)] as const)
      .filter(([, text]) => text !== "")
      .map(([k, text]) => `${fieldLabel(k)}: ${text}`)
      .join("; ");
  }
  return String(value);
}

/** Unit (or, with `fields`, other) ids named in before and after values, for the page to look up. */
export function unitIdsIn(value: unknown, code = "", fields: ReadonlySet<string> = UNIT_ID_FIELDS): number[] {
  if (typeof value === "number") return fields.has(code) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => unitIdsIn(v, code, fields));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => unitIdsIn(v, k, fields));
  return [];
}

const ORGANISATION_ID_FIELDS: ReadonlySet<string> = new Set(["organisationId"]);

/** Organisation ids named in before and after values. */
export function organisationIdsIn(value: unknown): number[] {
  return unitIdsIn(value, "", ORGANISATION_ID_FIELDS);
}

/** The fields that differ between before and after, named and written for a reader. */
export function changedFields(
  before: unknown,
  after: unknown,
  entityType = "",
  valueLabels: AuditValueLabels = {},
  names: NameLookup = {},
): FieldChange[] {
  const labels = valueLabels[entityType] ?? {};
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({
      code: k,
      field: fieldLabel(k, entityType),
      from: readableValue(b[k], k, labels, names),
      to: readableValue(a[k], k, labels, names),
    }))
    .filter((ch) => ch.from !== ch.to);
}
