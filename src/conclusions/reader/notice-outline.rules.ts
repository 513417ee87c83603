/**
 * The outline of a notice's body: sections "I.", items "1." and "1.1.", sub-items "a)" and "(1)",
 * dashes and pluses, each under the nearest item of a higher rank before it; and the tasks written as
 * prose (task-sentences.rules.ts) under the item that introduces them ("1.1. Việc …:") or the section.
 * A paragraph ending with ":" just before a list is the list's lead-in; one that announces an agenda
 * ("cho ý kiến về các nội dung:") makes the list after it an agenda, which is left out.
 */
import { foldVietnamese } from "../../core/text/fold.js";
import { type ListMarker, parseListMarker, splitInlineList } from "./list-markers.js";
import {
  AGENDA_INTROS,
  ASSESSMENT_SECTIONS,
  CONCLUSION_WORDS,
  DEADLINE_CLAUSES,
} from "./notice-vocabulary.model.js";
import { type TaskClause, taskClauses } from "./task-sentences.rules.js";
import { findResponsibleUnits } from "./unit-phrases.js";
import type { CompiledRegistry, UnitRef } from "./unit-registry.js";

/** A lead-in stated once above a list: its words and the party it names. */
export interface LeadIn {
  text: string;
  lead: UnitRef | null;
}

/** A node of the outline, before leads, deadlines and kinds are settled (notice-reader.ts). */
export interface OutlineNode {
  /** "II", "2", "1.1", "a", "(1)", "-3", "s1". */
  segment: string;
  /** The marker as written ("II.", "a)", "-"), "" for prose. */
  marker: string;
  /** Rank: smaller is higher (sections 1, items 2, "1.1" 3, letters 5, "(1)" 6, dashes 7, pluses 8, prose 9). */
  rank: number;
  /** The first line without its marker. */
  head: string;
  /** Paragraphs that continue it. */
  lines: string[];
  children: OutlineNode[];
  /** For prose tasks: what task-sentences found. */
  prose: TaskClause | null;
  /** The lead-in paragraph above the list this node starts or belongs to. */
  leadIn: LeadIn | null;
}

const DECIMAL = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)/;

interface Marked {
  marker: string;
  rank: number;
  segment: string;
  kind: string;
  rest: string;
}

function rankOf(m: ListMarker): number {
  if (m.kind === "roman") return 1;
  if (m.kind === "letter") return 5;
  if (m.kind === "dash") return 7;
  if (m.kind === "plus") return 8;
  return m.marker.startsWith("(") ? 6 : 2;
}

/** The marker of a paragraph with its rank and path segment (dashes get theirs from their position). */
function markedOf(text: string): Marked | null {
  const decimal = DECIMAL.exec(text);
  if (decimal?.[1]) {
    const segment = decimal[1];
    return {
      marker: decimal[0].trim(),
      rank: 1 + segment.split(".").length,
      segment,
      kind: "decimal",
      rest: text.slice(decimal[0].length).trim(),
    };
  }
  const m = parseListMarker(text);
  if (!m) return null;
  const rank = rankOf(m);
  const kind = rank === 6 ? "paren" : m.kind;
  const segment =
    m.kind === "roman"
      ? m.marker.replace(/[.)/\s]/g, "").toUpperCase()
      : m.kind === "letter"
        ? m.marker.replace(/[()\s.]/g, "").toLowerCase()
        : rank === 6
          ? `(${m.number})`
          : m.kind === "dash" || m.kind === "plus"
            ? ""
            : String(m.number);
  return { marker: m.marker, rank, segment, kind, rest: m.rest };
}

function endsWithColon(text: string): boolean {
  return /:\s*$/.test(text);
}

function isAgenda(text: string): boolean {
  const folded = foldVietnamese(text);
  return (
    endsWithColon(text) &&
    AGENDA_INTROS.some((re) => re.test(folded)) &&
    !CONCLUSION_WORDS.some((w) => w !== "nhiem vu" && folded.includes(w))
  );
}

function newNode(marked: Marked, leadIn: LeadIn | null): OutlineNode {
  return {
    segment: marked.segment,
    marker: marked.marker,
    rank: marked.rank,
    head: marked.rest,
    lines: [],
    children: [],
    prose: null,
    leadIn,
  };
}

/** Gives dashes, pluses and prose their positional segments ("-1", "+2", "s3"). */
function numberSegments(nodes: OutlineNode[]): void {
  const counts: Record<string, number> = {};
  for (const node of nodes) {
    const key = node.prose ? "s" : node.marker.startsWith("+") ? "+" : node.segment === "" ? "-" : null;
    if (key) {
      counts[key] = (counts[key] ?? 0) + 1;
      node.segment = key === "s" ? `s${counts[key]}` : `${key}${counts[key]}`;
    }
    numberSegments(node.children);
  }
}

/** The last task written as prose anywhere under the open nodes, if it is the last thing read. */
function lastProseOf(stack: readonly OutlineNode[]): OutlineNode | null {
  for (const node of [...stack].reverse()) {
    const last = node.children[node.children.length - 1];
    if (last) return last.prose ? last : null;
  }
  return null;
}

/** The outline of the body paragraphs (see the file comment). */
export function outlineOf(paragraphs: readonly string[], registry: CompiledRegistry): OutlineNode[] {
  const root: OutlineNode = {
    segment: "",
    marker: "",
    rank: 0,
    head: "",
    lines: [],
    children: [],
    prose: null,
    leadIn: null,
  };
  const stack: OutlineNode[] = [root];
  let intro: LeadIn | null = null;
  let agendaRank: number | null = null;
  const lines = paragraphs.flatMap((p) => {
    const { intro: before, items } = splitInlineList(p);
    return items.length > 0 ? [before, ...items].filter(Boolean) : [p];
  });
  for (const [index, text] of lines.entries()) {
    const marked = markedOf(text);
    if (marked) {
      if (agendaRank !== null && marked.rank >= agendaRank) continue;
      agendaRank = null;
      while (stack.length > 1 && (stack[stack.length - 1] as OutlineNode).rank >= marked.rank) stack.pop();
      const parent = stack[stack.length - 1] as OutlineNode;
      const node = newNode(marked, parent === root ? intro : null);
      parent.children.push(node);
      stack.push(node);
      continue;
    }
    agendaRank = null;
    const top = stack[stack.length - 1] as OutlineNode;
    const nextMarked = lines[index + 1] !== undefined && markedOf(lines[index + 1] as string) !== null;
    if (isAgenda(text) && nextMarked) {
      agendaRank = markedOf(lines[index + 1] as string)?.rank ?? null;
      intro = null;
      continue;
    }
    const leadInAbove = top !== root && endsWithColon(top.head) && top.lines.length === 0;
    const context = leadInAbove
      ? { leadIn: { text: top.head, lead: findResponsibleUnits(top.head, registry).leadUnit } }
      : { leadIn: null };
    const section = [...stack].reverse().find((n) => n.rank === 1);
    const reporting = section !== undefined && ASSESSMENT_SECTIONS.test(foldVietnamese(section.head));
    const tasks = reporting ? [] : taskClauses(text, registry, context);
    const lastProse = lastProseOf(stack);
    if (tasks.length === 0 && lastProse && DEADLINE_CLAUSES.some((re) => re.test(foldVietnamese(text)))) {
      // "Thời gian hoàn thành …, chậm nhất ngày 14/5/2021." on its own line belongs to the task above.
      lastProse.head = `${lastProse.head} ${text}`;
      continue;
    }
    if (tasks.length > 0) {
      const target = leadInAbove
        ? top
        : ([...stack].reverse().find((n) => n === root || n.rank === 1) ?? root);
      for (const task of tasks) {
        target.children.push({
          segment: "",
          marker: "",
          rank: 9,
          head: task.text,
          lines: [],
          children: [],
          prose: task,
          leadIn: null,
        });
      }
    } else if (top !== root && !nextMarked) {
      top.lines.push(text);
    }
    if (endsWithColon(text) && nextMarked) {
      intro = {
        text,
        lead:
          findResponsibleUnits(text, registry).leadBy === "assignment"
            ? findResponsibleUnits(text, registry).leadUnit
            : null,
      };
      // The list after a lead-in paragraph starts afresh at the top (a section's lead-in stays inside it).
      while (stack.length > 1 && (stack[stack.length - 1] as OutlineNode).rank > 1) stack.pop();
    } else if (stack.length === 1) {
      intro = null;
    }
  }
  numberSegments(root.children);
  return root.children;
}
