/**
 * The conclusion reader for any notice: reads the text of a conclusion notice, directive, plan, official
 * letter or news article and returns its items as a tree, for a person to correct before saving.
 *
 * Public contract (stable; the review page and the file import call it):
 *   readNotice(text, options?) → NoticeReading { items: NoticeItem[] (a tree), mode, anchor, listsFound, date }
 * Each item has a `path` ("III.4", "II.2.a", "-1" for the first dash, "s2" for the second task written as
 * prose), a `kind` (task, request to a higher level, assessment, heading), its own `text`, the lead and
 * coordinating parties as written (resolved against `options.units` when one matches), a deadline with
 * the phrase it comes from, and its `subItems`. Nothing is authoritative: every field is a guess.
 *
 * Two ways of reading, chosen per text:
 * - "list": a news article whose conclusions are one list introduced by "Kết luận …:" (the reference
 *   article) is read as before (conclusion-reader.ts): that list only, closing paragraphs left out.
 * - "outline": anything else, documents with a header in particular: the body without boilerplate
 *   (notice-text.rules.ts) as an outline (notice-outline.rules.ts) with the tasks written as prose.
 * Inheritance: an item naming no lead takes the one of its lead-in (the item or paragraph ending with
 * ":" above it, "2. Bộ Tài chính:"), or of the sentence it continues; an item without a deadline takes
 * its lead-in's (in "list" mode only a date, month or quarter: a year there names the programme, as in
 * "Về một số nhiệm vụ đặt ra trong năm 2020, … yêu cầu:"), and an item with sub-items and no deadline
 * the latest of theirs.
 */

import { foldVietnamese } from "../../core/text/fold.js";
import { AREA_LABELS, type AreaCode, classifyArea, splitHeading } from "../../directives/areas.js";
import { type ProposedItem, type ReadConclusionOptions, readConclusion } from "./conclusion-reader.js";
import { type DeadlineContext, type ProposedDeadline, proposeDeadline } from "./deadline-phrases.js";
import { findConclusionList } from "./list-blocks.js";
import { findNoticeDate, type NoticeDate } from "./notice-date.rules.js";
import { type OutlineNode, outlineOf } from "./notice-outline.rules.js";
import { isAllCaps, noticeBody } from "./notice-text.rules.js";
import { HIGHER_LEVELS, REQUEST_SECTIONS, REQUEST_VERBS, TASK_VERBS } from "./notice-vocabulary.model.js";
import { startsWithTaskVerb } from "./task-sentences.rules.js";
import { findResponsibleUnits, partyHeading } from "./unit-phrases.js";
import { type CompiledRegistry, compileRegistry, type UnitRef } from "./unit-registry.js";

/** What an item is: a task for someone, a request to a higher level, a statement nobody acts on, a heading. */
export const NOTICE_ITEM_KINDS = ["task", "request", "assessment", "heading"] as const;
export type NoticeItemKind = (typeof NOTICE_ITEM_KINDS)[number];

/** Levels of items the API describes (I → 1 → 1.1 → a → (1) → - → +); deeper ones are cut there. */
export const MAX_ITEM_DEPTH = 7;

/** One item of the tree. */
export interface NoticeItem {
  path: string;
  kind: NoticeItemKind;
  /** As written: "II.", "2.", "a)", "-", "" for a task written as prose. */
  marker: string;
  /** Position among its siblings (1 for "1.", "a)", the first dash or sentence). */
  number: number;
  area: { code: AreaCode; label: string; heading: string | null };
  /** The item's own wording: after its heading, without its sub-items. */
  text: string;
  /** The item as found, marker and sub-items included. */
  source: string;
  leadUnit: UnitRef | null;
  /** The lead comes from a lead-in or the sentence continued, not from the item's own words. */
  leadInherited: boolean;
  coordinatingUnits: UnitRef[];
  deadline: ProposedDeadline;
  deadlineInherited: boolean;
  subItems: NoticeItem[];
}

export interface NoticeReading {
  items: NoticeItem[];
  mode: "list" | "outline";
  /** The paragraph introducing the conclusions in "list" mode. */
  anchor: string | null;
  listsFound: number;
  /** The notice's date as found in its text (used for phrases without a year when none is given). */
  date: NoticeDate | null;
}

export type ReadNoticeOptions = ReadConclusionOptions;

const NONE: ProposedDeadline = { kind: "none", date: null, phrase: null, clause: null };
const PASSED_IN_LIST_MODE = new Set(["date", "month", "quarter"]);

function anyClauseStartsWithTaskVerb(text: string): boolean {
  return text
    .split(/[.;:](?:\s+|$)/)
    .some((clause) => startsWithTaskVerb(foldVietnamese(clause).replace(/^[^a-z0-9]+/, "")));
}

function isRequest(text: string, inRequestSection: boolean): boolean {
  const folded = foldVietnamese(text).replace(/^[^a-z]+/, "");
  const verb = REQUEST_VERBS.find((v) => folded.startsWith(`${v} `));
  if (verb) {
    const after = folded.slice(verb.length + 1).replace(/^(voi|cho|len) /, "");
    if (HIGHER_LEVELS.some((h) => after.startsWith(`${h} `) || after === h)) return true;
  }
  return inRequestSection && !/\bgiao\b/.test(folded);
}

interface Inherited {
  lead: UnitRef | null;
  deadline: ProposedDeadline;
  inRequestSection: boolean;
}

interface Reader {
  registry: CompiledRegistry;
  context: DeadlineContext;
  passAnyDeadline: boolean;
}

function kindOf(
  head: string,
  body: string,
  hasChildren: boolean,
  roman: boolean,
  hasLead: boolean,
  inRequest: boolean,
): NoticeItemKind {
  if (isRequest(head, inRequest)) return "request";
  const assigns = /^(giao|yeu cau|de nghi|chi dao|phan cong)\b/.test(foldVietnamese(head));
  const headingLike =
    roman ||
    (hasChildren &&
      (isAllCaps(head) || /:\s*$/.test(head) || (head.split(/\s+/).length <= 14 && !/[.;!?]$/.test(head))));
  if (headingLike && !hasLead && !assigns) return "heading";
  if (hasLead || assigns || anyClauseStartsWithTaskVerb(body)) return "task";
  return "assessment";
}

/** The area of a heading ("Về phát triển kinh tế"), "other" without one. */
function areaOf(heading: string | null): NoticeItem["area"] {
  const code = heading ? classifyArea(heading) : "other";
  return { code, label: AREA_LABELS[code], heading };
}

function latestOf(deadlines: readonly ProposedDeadline[]): ProposedDeadline | null {
  const dated = deadlines.filter((d) => d.date !== null);
  dated.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  return dated[0] ?? null;
}

/** Turns one outline node (and its children) into an item, given what its ancestors pass down. */
function itemOf(
  r: Reader,
  node: OutlineNode,
  parentPath: string,
  number: number,
  from: Inherited,
): NoticeItem {
  const own = [node.head, ...node.lines].join(" ").replace(/\s+/g, " ").trim();
  const { heading, body } = node.prose ? { heading: null, body: own } : splitHeading(own);
  const headOnly = heading ?? node.head;
  const path = parentPath === "" ? node.segment : `${parentPath}.${node.segment.replace(/^\d+\./, "")}`;
  const units = node.prose
    ? { leadUnit: node.prose.lead, coordinatingUnits: node.prose.coordinating }
    : findResponsibleUnits(own, r.registry);
  const namedByHeading = !node.prose && /:\s*$/.test(node.head) ? partyHeading(node.head, r.registry) : null;
  const ownLead = node.prose
    ? node.prose.leadInherited
      ? null
      : node.prose.lead
    : (units.leadUnit ?? namedByHeading);
  const introLead = node.leadIn?.lead ?? null;
  const roman = /^[IVX]+$/.test(node.segment);
  // "III. KIẾN NGHỊ" is a heading; the items under it are the requests.
  const inRequest = from.inRequestSection || (roman && REQUEST_SECTIONS.test(foldVietnamese(headOnly)));
  const kind = node.prose
    ? isRequest(node.head, from.inRequestSection)
      ? "request"
      : "task"
    : kindOf(node.head, body, node.children.length > 0, roman, ownLead !== null, from.inRequestSection);
  const inheritedLead = node.prose?.leadInherited ? node.prose.lead : (introLead ?? from.lead);
  const leadUnit = ownLead ?? (kind === "task" || kind === "request" ? inheritedLead : null);
  // A heading-only lead-in ("II. Đề nghị Phòng Y tế hoàn thành trong quý III:") states its deadline in the heading.
  const ownDeadline = proposeDeadline(node.prose || body === "" ? own : body, r.context);
  const shared = node.prose?.sharedText ? proposeDeadline(node.prose.sharedText, r.context) : NONE;
  const introDeadline = node.leadIn ? proposeDeadline(node.leadIn.text, r.context) : NONE;
  const passing = (d: ProposedDeadline) => (r.passAnyDeadline || PASSED_IN_LIST_MODE.has(d.kind) ? d : NONE);
  const handedDown = [shared, passing(introDeadline), from.deadline].find((d) => d.kind !== "none") ?? NONE;
  const leadsIn = /:\s*$/.test(node.head) || kind === "heading" || node.children.length > 0;
  const children = node.children.map((child, i) =>
    itemOf(r, child, path, i + 1, {
      lead: leadsIn ? (ownLead ?? leadUnit) : null,
      deadline: leadsIn && ownDeadline.kind !== "none" ? passing(ownDeadline) : leadsIn ? handedDown : NONE,
      inRequestSection: inRequest,
    }),
  );
  // A deadline belongs to work: headings and statements carry none ("Trong tháng 01/2013, xảy ra …").
  const work = kind === "task" || kind === "request";
  const fromChildren = work ? latestOf(children.map((c) => c.deadline)) : null;
  const deadline = !work ? NONE : ownDeadline.kind !== "none" ? ownDeadline : (fromChildren ?? handedDown);
  const source = [`${node.marker} ${own}`.trim(), ...children.map((c) => c.source)].join("\n");
  return {
    path,
    kind,
    marker: node.marker,
    number,
    area: areaOf(kind === "heading" && heading === null ? node.head.replace(/:\s*$/, "") : heading),
    text: body,
    source,
    leadUnit,
    leadInherited: ownLead === null && leadUnit !== null,
    coordinatingUnits: units.coordinatingUnits,
    deadline,
    deadlineInherited: ownDeadline.kind === "none" && fromChildren === null && deadline.kind !== "none",
    subItems: children,
  };
}

/** A legacy item of "list" mode as a tree item, with the anchor's lead and near deadline handed down. */
function fromListItem(item: ProposedItem, anchor: Inherited): NoticeItem {
  const path = String(item.number);
  const kind = kindOf(
    item.area.heading ?? item.text,
    item.text,
    item.subItems.length > 0,
    false,
    item.leadUnit !== null,
    false,
  );
  let dashes = 0;
  const subItems = item.subItems.map((sub, i): NoticeItem => {
    const segment = sub.number > 0 ? sub.marker.replace(/[()\s.]/g, "").toLowerCase() : `-${(dashes += 1)}`;
    return {
      path: `${path}.${segment}`,
      kind: kindOf(sub.text, sub.text, false, false, sub.leadUnit !== null, false),
      marker: sub.marker,
      number: sub.number > 0 ? sub.number : i + 1,
      area: item.area,
      text: sub.text,
      source: `${sub.marker} ${sub.text}`,
      leadUnit: sub.leadUnit ?? item.leadUnit ?? anchor.lead,
      leadInherited: sub.leadUnit === null && (item.leadUnit ?? anchor.lead) !== null,
      coordinatingUnits: sub.coordinatingUnits,
      deadline: sub.deadline,
      deadlineInherited: false,
      subItems: [],
    };
  });
  const inherits = kind === "task" && item.deadline.kind === "none" && anchor.deadline.kind !== "none";
  return {
    path,
    kind,
    marker: item.marker,
    number: item.number,
    area: item.area,
    text: item.text,
    source: item.source,
    leadUnit: item.leadUnit ?? anchor.lead,
    leadInherited: item.leadUnit === null && anchor.lead !== null,
    coordinatingUnits: item.coordinatingUnits,
    deadline: kind !== "task" && kind !== "request" ? NONE : inherits ? anchor.deadline : item.deadline,
    deadlineInherited: inherits,
    subItems,
  };
}

/**
 * Reads a notice into its tree of items (see the file comment). `options.sessionDate` places phrases
 * without a year; without it, the date found in the text is used. `options.units` are the parties
 * names are matched against.
 */
export function readNotice(text: string, options: ReadNoticeOptions = {}): NoticeReading {
  const date = findNoticeDate(text);
  const context: DeadlineContext = {
    sessionDate: options.sessionDate ?? date?.date ?? null,
    termEnds: options.termEnds ?? {},
  };
  const registry = compileRegistry(options.units ?? []);
  const body = noticeBody(text);
  const { list, listsFound } = findConclusionList(text);
  const hasSections = body.paragraphs.some((p) => /^[IVX]+\s*[.)/]\s/.test(p));
  if (list && list.score >= 6 && !body.official && !hasSections) {
    const reading = readConclusion(text, { ...options, sessionDate: context.sessionDate });
    const anchorDeadline = reading.anchor ? proposeDeadline(reading.anchor, context) : NONE;
    const anchorUnits = reading.anchor ? findResponsibleUnits(reading.anchor, registry) : null;
    const anchor: Inherited = {
      lead: anchorUnits?.leadBy === "assignment" ? anchorUnits.leadUnit : null,
      deadline: PASSED_IN_LIST_MODE.has(anchorDeadline.kind) ? anchorDeadline : NONE,
      inRequestSection: false,
    };
    return {
      items: reading.items.map((item) => fromListItem(item, anchor)),
      mode: "list",
      anchor: reading.anchor,
      listsFound: reading.listsFound,
      date,
    };
  }
  const reader: Reader = { registry, context, passAnyDeadline: true };
  const start: Inherited = { lead: null, deadline: NONE, inRequestSection: false };
  const outline = outlineOf(body.paragraphs, registry);
  return {
    items: outline.map((node, i) => itemOf(reader, node, "", i + 1, start)),
    mode: "outline",
    anchor: null,
    listsFound,
    date,
  };
}

/** Every item of the tree, depth first (an item before its sub-items). */
export function flattenItems(items: readonly NoticeItem[]): NoticeItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.subItems)]);
}
