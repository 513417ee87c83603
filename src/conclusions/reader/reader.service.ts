/**
 * The notice reader (notice-reader.ts, pure) fed with the registry of units and organisations from the
 * database as of the notice's date, its tree turned into parties the forms and the API can use. The
 * date is the one given (the session's), else the one the text states ("Hà Nội, ngày 05 tháng 01 năm
 * 2020", "Ngày đăng 02/01/2020"), else today: a 2020 notice names the wards of 2020. Short names
 * ("phường", "UBND phường", "Phòng Y tế quận") are added only for the units of the session being
 * concluded, where they are unambiguous.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { listPartyOptions, type PartyOption } from "../../units/parties.repo.js";
import { levelLabel } from "../../units/unit-labels.js";
import { findNoticeDate } from "./notice-date.rules.js";
import { MAX_ITEM_DEPTH, type NoticeItem, type NoticeItemKind, readNotice } from "./notice-reader.js";
import { reviewShape } from "./review-shape.rules.js";
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

/** One item of the tree, as the API and the review form get it; `subItems` are items too. */
export interface ParsedItem {
  path: string;
  kind: NoticeItemKind;
  marker: string;
  number: number;
  area: string;
  areaLabel: string;
  heading: string | null;
  text: string;
  source: string;
  leadUnit: ParsedParty | null;
  leadInherited: boolean;
  coordinatingUnits: ParsedParty[];
  deadline: { kind: string; date: string | null; phrase: string | null };
  deadlineInherited: boolean;
  subItems: ParsedItem[];
}

/** The items and the date the text was read as of. */
export interface ParsedNotice {
  items: ParsedItem[];
  /** The date names and yearless phrases were read against, and where it came from. */
  date: string;
  dateSource: "given" | "place_line" | "published" | "first_date" | "today";
  /** "list": one list of a news article (two levels at most); "outline": a document's whole tree. */
  mode: "list" | "outline";
}

export interface ParseContext {
  /** The notice's or session's date when known; null to take it from the text, else `today`. */
  date: string | null;
  /** Today in Vietnam, when the text gives no date either. Default: the date itself. */
  today?: string;
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

function toParsed(item: NoticeItem, byKey: Map<string, PartyOption>, depth: number): ParsedItem {
  return {
    path: item.path,
    kind: item.kind,
    marker: item.marker,
    number: item.number,
    area: item.area.code,
    areaLabel: item.area.label,
    heading: item.area.heading,
    text: item.text,
    source: item.source,
    leadUnit: item.leadUnit ? toParty(item.leadUnit, byKey) : null,
    leadInherited: item.leadInherited,
    coordinatingUnits: item.coordinatingUnits.map((u) => toParty(u, byKey)),
    deadline: { kind: item.deadline.kind, date: item.deadline.date, phrase: item.deadline.phrase },
    deadlineInherited: item.deadlineInherited,
    subItems: depth < MAX_ITEM_DEPTH ? item.subItems.map((s) => toParsed(s, byKey, depth + 1)) : [],
  };
}

/**
 * Reads `text` into its tree of items with parties from the registry as of the notice's date (see the
 * file comment). Nothing is saved.
 */
export async function readConclusionText(
  db: Kysely<DB>,
  text: string,
  context: ParseContext,
): Promise<ParsedNotice> {
  const found = context.date ? null : findNoticeDate(text);
  const date = context.date ?? found?.date ?? context.today ?? new Date().toISOString().slice(0, 10);
  const dateSource: ParsedNotice["dateSource"] = context.date ? "given" : (found?.source ?? "today");
  const options = await listPartyOptions(db, date);
  const byKey = new Map(options.map((o) => [o.key, o]));
  const reading = readNotice(text, {
    units: registryEntries(options, context.contextUnitIds),
    sessionDate: date,
  });
  return {
    items: reading.items.map((item) => toParsed(item, byKey, 1)),
    date,
    dateSource,
    mode: reading.mode,
  };
}

/**
 * The items to review on the paste page: see {@link readConclusionText}; a document's tree is brought to
 * the form's two levels (review-shape.rules.ts), a news article's list is already so.
 */
export async function parseConclusionText(
  db: Kysely<DB>,
  text: string,
  context: ParseContext,
): Promise<ParsedItem[]> {
  const reading = await readConclusionText(db, text, context);
  return reading.mode === "outline" ? reviewShape(reading.items) : reading.items;
}
