/**
 * The conclusion reader (conclusion-reader.ts, pure) fed with the registry of units and organisations
 * from the database, its answer turned into parties the forms and the API can use. Short names
 * ("phường", "UBND phường", "Phòng Y tế quận") are added only for the units of the session being
 * concluded, where they are unambiguous.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { listPartyOptions, type PartyOption } from "../../units/parties.repo.js";
import { levelLabel } from "../../units/unit-labels.js";
import { readConclusion } from "./conclusion-reader.js";
import type { ProposedDeadline } from "./deadline-phrases.js";
import type { UnitEntry, UnitRef } from "./unit-registry.js";

/** A unit or organisation named in the text, resolved to a party when the registry knows it. */
export interface ParsedParty {
  /** As written. */
  text: string;
  /** "u12" / "o34" when resolved, else null. */
  key: string | null;
  unitId: number | null;
  organisationId: number | null;
  name: string | null;
  /** Possible parties when the name is ambiguous or partial. */
  candidates: { key: string; name: string }[];
}

export interface ParsedItem {
  number: number;
  area: string;
  areaLabel: string;
  heading: string | null;
  text: string;
  source: string;
  leadUnit: ParsedParty | null;
  coordinatingUnits: ParsedParty[];
  deadline: { kind: string; date: string | null; phrase: string | null };
  subItems: { marker: string; text: string; leadUnit: ParsedParty | null; deadline: ProposedDeadline }[];
}

export interface ParseContext {
  /** The session date: phrases without a year ("trong năm") are read against it. Default: today. */
  date: string;
  /** The units worked with: their short names are recognised. */
  contextUnitIds: number[];
}

/** "UBND phường Thượng Thanh" → "UBND phường"; "Phòng Y tế quận Long Biên" → "Phòng Y tế quận", "Phòng Y tế". */
function shortNames(org: PartyOption, unit: PartyOption | undefined): string[] {
  if (!unit) return [];
  const bare = unit.name.slice(levelLabel(unit.kind).length).trim();
  const level = levelLabel(unit.kind).toLowerCase();
  const names: string[] = [];
  if (bare && org.name.endsWith(` ${bare}`)) {
    const withLevel = org.name.slice(0, -bare.length).trim();
    names.push(withLevel);
    if (
      withLevel.toLowerCase().endsWith(` ${level}`) &&
      /^(Phòng|Ban|Thanh tra|Trung tâm|Văn phòng)\b/.test(withLevel)
    ) {
      names.push(withLevel.slice(0, -level.length).trim());
    }
  }
  return names;
}

/** Registry entries for the reader: every party by its name, short names for the context units. */
export function registryEntries(
  options: readonly PartyOption[],
  contextUnitIds: readonly number[],
): UnitEntry[] {
  const units = new Map(options.filter((o) => o.organisationId === null).map((o) => [o.unitId, o]));
  return options.map((o) => {
    const inContext = contextUnitIds.includes(o.unitId);
    const unit = units.get(o.unitId);
    if (o.organisationId === null) {
      const bare = o.name.slice(levelLabel(o.kind).length).trim();
      const aliases = [bare, ...(inContext ? [levelLabel(o.kind).toLowerCase()] : [])].filter(Boolean);
      return { id: o.key, name: o.name, aliases };
    }
    return { id: o.key, name: o.name, aliases: inContext ? shortNames(o, unit) : [] };
  });
}

function toParty(ref: UnitRef, byKey: Map<string, PartyOption>): ParsedParty {
  const match = ref.unitId === null ? undefined : byKey.get(String(ref.unitId));
  return {
    text: ref.text,
    key: match?.key ?? null,
    unitId: match?.unitId ?? null,
    organisationId: match?.organisationId ?? null,
    name: match?.name ?? null,
    candidates: ref.candidateIds
      .map((id) => byKey.get(String(id)))
      .filter((o): o is PartyOption => o !== undefined)
      .map((o) => ({ key: o.key, name: o.name })),
  };
}

/** Reads `text` and returns the proposed items with parties from the registry at `context.date`. */
export async function parseConclusionText(
  db: Kysely<DB>,
  text: string,
  context: ParseContext,
): Promise<ParsedItem[]> {
  const options = await listPartyOptions(db, context.date);
  const byKey = new Map(options.map((o) => [o.key, o]));
  const reading = readConclusion(text, {
    units: registryEntries(options, context.contextUnitIds),
    sessionDate: context.date,
  });
  return reading.items.map((item) => ({
    number: item.number,
    area: item.area.code,
    areaLabel: item.area.label,
    heading: item.area.heading,
    text: item.text,
    source: item.source,
    leadUnit: item.leadUnit ? toParty(item.leadUnit, byKey) : null,
    coordinatingUnits: item.coordinatingUnits.map((u) => toParty(u, byKey)),
    deadline: { kind: item.deadline.kind, date: item.deadline.date, phrase: item.deadline.phrase },
    subItems: item.subItems.map((s) => ({
      marker: s.marker,
      text: s.text,
      leadUnit: s.leadUnit ? toParty(s.leadUnit, byKey) : null,
      deadline: s.deadline,
    })),
  }));
}
