/**
 * How pickers group units and organisations: today's first, then any not yet in force, then the
 * former ones, each end date its own group ("Đơn vị cũ (đến 30/06/2025)"), so "Phường Bồ Đề" of
 * today and the one dissolved in 2025 are never side by side with nothing to tell them apart.
 */
import { formatDateVi } from "../core/format/vi-date.js";
import type { PickerChoice, PickerGroup } from "../core/views/picker.js";
import { levelRank, unitDisplayName } from "./unit-labels.js";

export type Era = "current" | "former" | "future";

export function eraOf(validFrom: string, validTo: string | null, today: string): Era {
  if (validTo !== null && validTo < today) return "former";
  if (validFrom > today) return "future";
  return "current";
}

/** "(đến 30/06/2025)", "(từ 01/07/2025)": tells apart names reused across a reorganisation. */
export function validityNote(validFrom: string, validTo: string | null, today: string): string {
  const era = eraOf(validFrom, validTo, today);
  if (era === "former") return ` (đến ${formatDateVi(validTo as string)})`;
  if (era === "future") return ` (từ ${formatDateVi(validFrom)})`;
  return "";
}

export interface DatedChoice extends PickerChoice {
  era: Era;
  validFrom: string;
  validTo: string | null;
}

/** The group labels: "Đơn vị hiện nay", "Đơn vị cũ"… */
export interface EraNouns {
  current: string;
  former: string;
  future: string;
}

export const UNIT_NOUNS: EraNouns = {
  current: "Đơn vị hiện nay",
  former: "Đơn vị cũ",
  future: "Đơn vị sắp thành lập",
};

export const ORGANISATION_NOUNS: EraNouns = {
  current: "Cơ quan, tổ chức hiện nay",
  former: "Cơ quan, tổ chức cũ",
  future: "Cơ quan, tổ chức sắp thành lập",
};

/**
 * Current choices first (in the order given), then future ones by start date, then former ones by end
 * date, the latest first; each former end date and future start date is a group of its own.
 */
export function groupByEra(choices: readonly DatedChoice[], nouns: EraNouns): PickerGroup[] {
  const groups: PickerGroup[] = [{ label: nouns.current, choices: [] }];
  const byLabel = new Map<string, PickerGroup>();
  const dated = [...choices]
    .filter((c) => c.era !== "current")
    .sort((a, b) =>
      a.era !== b.era
        ? a.era === "future"
          ? -1
          : 1
        : a.era === "future"
          ? a.validFrom.localeCompare(b.validFrom)
          : (b.validTo ?? "").localeCompare(a.validTo ?? ""),
    );
  for (const c of choices)
    if (c.era === "current") groups[0]?.choices.push({ value: c.value, label: c.label });
  for (const c of dated) {
    const label =
      c.era === "future"
        ? `${nouns.future} (từ ${formatDateVi(c.validFrom)})`
        : `${nouns.former} (đến ${formatDateVi(c.validTo as string)})`;
    let group = byLabel.get(label);
    if (!group) {
      group = { label, choices: [] };
      byLabel.set(label, group);
      groups.push(group);
    }
    group.choices.push({ value: c.value, label: c.label });
  }
  return groups.filter((g) => g.choices.length > 0);
}

export interface DatedUnit {
  id: number;
  name: string;
  level: string;
  valid_from: string;
  valid_to: string | null;
}

/**
 * Units as picker groups, the value being the unit id: higher levels first, then by name, former
 * units apart with their end date. `title` names a unit (default "Phường Thượng Thanh").
 */
export function unitPickerGroups(
  units: readonly DatedUnit[],
  today: string,
  title: (u: DatedUnit) => string = unitDisplayName,
): PickerGroup[] {
  const sorted = [...units].sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name, "vi"),
  );
  return groupByEra(
    sorted.map((u) => ({
      value: String(u.id),
      label: `${title(u)}${validityNote(u.valid_from, u.valid_to, today)}`,
      era: eraOf(u.valid_from, u.valid_to, today),
      validFrom: u.valid_from,
      validTo: u.valid_to,
    })),
    UNIT_NOUNS,
  );
}

/** Units known only as current or not (their labels already carry "(đến …)"): today's first, the rest apart. */
export function currentFirstGroups(
  units: readonly { id: number; label: string; current: boolean }[],
): PickerGroup[] {
  const choice = (u: { id: number; label: string }) => ({ value: String(u.id), label: u.label });
  return [
    { label: UNIT_NOUNS.current, choices: units.filter((u) => u.current).map(choice) },
    { label: UNIT_NOUNS.former, choices: units.filter((u) => !u.current).map(choice) },
  ].filter((g) => g.choices.length > 0);
}
