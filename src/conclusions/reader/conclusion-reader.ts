/**
 * Reads the text of a conclusion notice (Thông báo kết luận) or of a news article about a working
 * session and proposes the directives it contains, for a person to correct before they are saved:
 * number, area, wording, sub-items, lead and coordinating units, and deadline.
 *
 * Nothing here is authoritative: every field is a guess from the wording (see list-blocks.ts for which
 * list is taken, areas.ts for areas, unit-phrases.ts for units, deadline-phrases.ts for deadlines).
 */
import { AREA_LABELS, type AreaCode, classifyArea, splitHeading } from "../../directives/areas.js";
import { type DeadlineContext, type ProposedDeadline, proposeDeadline } from "./deadline-phrases.js";
import { findConclusionList, type ItemBlock } from "./list-blocks.js";
import { findResponsibleUnits } from "./unit-phrases.js";
import { compileRegistry, type UnitEntry, type UnitRef } from "./unit-registry.js";

/** What the reader needs besides the text. */
export interface ReadConclusionOptions extends DeadlineContext {
  /** Units the reader may recognise by name or alias. */
  units?: readonly UnitEntry[];
}

/** A sub-item (a), b), - …) of a directive, read like a directive of its own. */
export interface ProposedSubItem {
  marker: string;
  /** Position in its list (1 for "a)"); 0 for dashes. */
  number: number;
  text: string;
  leadUnit: UnitRef | null;
  coordinatingUnits: UnitRef[];
  deadline: ProposedDeadline;
}

/** One proposed directive. */
export interface ProposedItem {
  /** Position in the list: 1 for "1.", "Một là", "Thứ nhất"; for dashes, the item's position. */
  number: number;
  marker: string;
  /** `heading` as written ("Công văn hóa xã hội"), `code` and `label` from the fixed list. */
  area: { code: AreaCode; label: string; heading: string | null };
  /** The directive's own wording: after the heading, without the sub-items. */
  text: string;
  /** The item exactly as found, marker and sub-items included, to show next to the proposal. */
  source: string;
  subItems: ProposedSubItem[];
  leadUnit: UnitRef | null;
  coordinatingUnits: UnitRef[];
  deadline: ProposedDeadline;
}

/** The result: proposals, the paragraph that introduced them, and how many lists the text had. */
export interface ConclusionReading {
  items: ProposedItem[];
  anchor: string | null;
  listsFound: number;
}

const MAX_HEADING_WORDS = 14;

/** Joins an item's lines and drops a trailing ";" or "," left by inline lists ("…; hai là"). */
function joinLines(lines: readonly string[]): string {
  return lines
    .join(" ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*[;,]$/, "");
}

/**
 * Heading and body of an item. Besides "Heading: body", an item whose only line is short, unpunctuated
 * and followed by sub-items ("1. Về phát triển kinh tế" then "a) …") is all heading.
 */
function headingOf(block: ItemBlock, own: string): { heading: string | null; body: string } {
  const split = splitHeading(own);
  if (split.heading !== null) return split;
  const words = own.split(/\s+/).filter(Boolean).length;
  if (block.subItems.length > 0 && words > 0 && words <= MAX_HEADING_WORDS && !/[.;!?]$/.test(own)) {
    return { heading: own, body: "" };
  }
  return split;
}

/** The latest dated deadline among sub-items: an item is done when all its sub-items are. */
function latestOf(deadlines: readonly ProposedDeadline[]): ProposedDeadline | null {
  const dated = deadlines.filter((d) => d.date !== null);
  dated.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  return dated[0] ?? null;
}

/**
 * Proposes the directives of a conclusion notice or news article.
 *
 * - Finds the conclusion list (list-blocks.ts) and stops at its end: closing paragraphs and captions are
 *   not items. Sub-items ("a)", "-", "+") stay under their item.
 * - Area: the heading before the first colon, normalised (areas.ts); "other" without a heading.
 * - Units: from the item's own wording, matched against `options.units` (unmatched: unitId null).
 * - Deadline: from the item's own wording (deadline-phrases.ts), resolved with `options.sessionDate` and
 *   `options.termEnds`; when the item's own wording has none, the latest dated deadline of its
 *   sub-items. Sub-items get their own units and deadlines.
 * Returns no items (and anchor null) when the text contains no list.
 */
export function readConclusion(text: string, options: ReadConclusionOptions = {}): ConclusionReading {
  const { list, listsFound } = findConclusionList(text);
  if (!list) return { items: [], anchor: null, listsFound };
  const registry = compileRegistry(options.units ?? []);
  const context: DeadlineContext = {
    sessionDate: options.sessionDate ?? null,
    termEnds: options.termEnds ?? {},
  };

  const items = list.items.map((block, index): ProposedItem => {
    const own = joinLines(block.lines);
    const { heading, body } = headingOf(block, own);
    const code = heading === null ? "other" : classifyArea(heading);
    const subItems = block.subItems.map((sub): ProposedSubItem => {
      const subText = joinLines(sub.lines);
      return {
        marker: sub.marker.marker,
        number: sub.marker.number,
        text: subText,
        ...findResponsibleUnits(subText, registry),
        deadline: proposeDeadline(subText, context),
      };
    });
    const ownDeadline = proposeDeadline(body, context);
    const fromSubItems = ownDeadline.kind === "none" ? latestOf(subItems.map((s) => s.deadline)) : null;
    const source = [
      `${block.marker.marker} ${block.lines.join(" ")}`.trim(),
      ...block.subItems.map((s) => `${s.marker.marker} ${s.lines.join(" ")}`.trim()),
    ].join("\n");
    return {
      number: block.marker.number > 0 ? block.marker.number : index + 1,
      marker: block.marker.marker,
      area: { code, label: AREA_LABELS[code], heading },
      text: body,
      source,
      subItems,
      ...findResponsibleUnits(body, registry),
      deadline: fromSubItems ?? ownDeadline,
    };
  });
  return { items, anchor: list.anchor, listsFound };
}
