/**
 * What a citizen reads about each item of a published conclusion notice: who leads it, by when, and
 * its state in plain words, derived from the directives made from the item (and their child tasks)
 * with the directives' own timeliness rules, never stored. Pure: the service loads the facts.
 */
import { capitaliseFirst } from "../../core/text/sentence.js";
import { deadlineText } from "../../directives/deadline-text.js";
import type { PublicReportRow } from "../../directives/directive-reports.repo.js";
import type { DirectiveOut } from "../../directives/directives-present.js";

/** An item's state as the public page says it. */
export const PUBLIC_STATES = [
  "in_progress",
  "overdue",
  "done_on_time",
  "done_late",
  "awaiting_handover",
  "paused",
  "cancelled",
  "not_assigned",
] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];

export const PUBLIC_STATE_LABELS: Record<PublicState, string> = {
  in_progress: "Đang thực hiện",
  overdue: "Quá hạn",
  done_on_time: "Đã hoàn thành đúng hạn",
  done_late: "Đã hoàn thành, chậm so với thời hạn",
  awaiting_handover: "Đang bàn giao cho đơn vị mới sau sắp xếp đơn vị hành chính",
  paused: "Tạm dừng",
  cancelled: "Không tiếp tục thực hiện",
  not_assigned: "Chưa giao đơn vị thực hiện",
};

/** The directive facts the public page reads (a whitelist of DirectiveOut). */
export type PublicDirectiveFacts = Pick<
  DirectiveOut,
  "id" | "itemId" | "parentId" | "lead" | "deadline" | "timeliness" | "daysOverdue" | "progressPercent"
>;

export interface NoticeItemFacts {
  id: number;
  parentItemId: number | null;
  number: string;
  text: string;
}

export interface PublicReport {
  at: string;
  percent: number | null;
  text: string;
  /** Whether the report says the work is finished (a submission) or how far it has come. */
  kind: "progress" | "completion";
}

export interface PublicItem {
  id: number;
  number: string;
  /** 1 for an item, 2 for a sub-item a), b) … */
  depth: number;
  text: string;
  leads: string[];
  deadlines: string[];
  state: PublicState;
  /** "Quá hạn 12 ngày", "Đang thực hiện" … */
  stateText: string;
  /** Mean progress of the item's directives, 0–100; null without directives. */
  progressPercent: number | null;
  reports: PublicReport[];
}

export interface PublicSummary {
  items: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
  /** Awaiting hand-over, paused, cancelled or not assigned. */
  other: number;
}

/**
 * One item's state from the timeliness of the directives made from it (not their child tasks, which
 * the directive itself answers for): all done → done on time unless one was late; else overdue if
 * one is; else waiting for hand-over, paused when all are; cancelled ones count only when all are.
 */
export function itemState(timeliness: readonly DirectiveOut["timeliness"][]): PublicState {
  if (timeliness.length === 0) return "not_assigned";
  const active = timeliness.filter((t) => t !== "cancelled");
  if (active.length === 0) return "cancelled";
  if (active.every((t) => t === "done_on_time" || t === "done_late"))
    return active.includes("done_late") ? "done_late" : "done_on_time";
  if (active.includes("overdue")) return "overdue";
  if (active.includes("awaiting_handover")) return "awaiting_handover";
  if (active.every((t) => t === "paused" || t === "done_on_time" || t === "done_late")) return "paused";
  return "in_progress";
}

/** The state in words; an overdue item says by how many days (the longest of its directives). */
export function stateText(state: PublicState, daysOverdue: number): string {
  if (state === "overdue" && daysOverdue > 0) return `Quá hạn ${daysOverdue} ngày`;
  return PUBLIC_STATE_LABELS[state];
}

/** The item each directive belongs to, following child tasks up to the directive made from an item. */
function itemOfDirective(directives: readonly PublicDirectiveFacts[]): Map<number, number> {
  const byId = new Map(directives.map((d) => [d.id, d]));
  const result = new Map<number, number>();
  for (const d of directives) {
    let at: PublicDirectiveFacts | undefined = d;
    const seen = new Set<number>();
    while (at && at.itemId === null && at.parentId !== null && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parentId);
    }
    if (at?.itemId != null) result.set(d.id, at.itemId);
  }
  return result;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The items readers see, in the notice's order, each with its leads, deadlines, state and (when the
 * owner chose to show them) the public part of its progress reports, oldest first.
 */
export function publicItems(input: {
  items: readonly NoticeItemFacts[];
  shownItemIds: ReadonlySet<number>;
  directives: readonly PublicDirectiveFacts[];
  reports: readonly PublicReportRow[];
  showReports: boolean;
}): PublicItem[] {
  const owner = itemOfDirective(input.directives);
  return input.items
    .filter((item) => input.shownItemIds.has(item.id))
    .map((item) => {
      const own = input.directives.filter((d) => d.itemId === item.id);
      const mine = new Set(input.directives.filter((d) => owner.get(d.id) === item.id).map((d) => d.id));
      const state = itemState(own.map((d) => d.timeliness));
      const late = Math.max(0, ...own.map((d) => d.daysOverdue));
      const reports = input.showReports
        ? input.reports
            .filter((r) => mine.has(r.directiveId) && r.text.trim() !== "")
            .map<PublicReport>((r) => ({
              at: r.at,
              percent: r.percent,
              text: r.text,
              kind: r.action === "submit" ? "completion" : "progress",
            }))
        : [];
      return {
        id: item.id,
        number: item.number,
        depth: item.parentItemId === null ? 1 : 2,
        text: capitaliseFirst(item.text),
        leads: unique(own.map((d) => d.lead.name)),
        deadlines: unique(own.map((d) => deadlineText(d.deadline))),
        state,
        stateText: stateText(state, late),
        progressPercent:
          own.length === 0
            ? null
            : Math.round(own.reduce((sum, d) => sum + d.progressPercent, 0) / own.length),
        reports,
      };
    });
}

/** How many items are done (on time, late), overdue, in progress, or otherwise. */
export function summarise(items: readonly Pick<PublicItem, "state">[]): PublicSummary {
  const count = (...states: PublicState[]) => items.filter((i) => states.includes(i.state)).length;
  const doneOnTime = count("done_on_time");
  const doneLate = count("done_late");
  const overdue = count("overdue");
  const inProgress = count("in_progress");
  return {
    items: items.length,
    done: doneOnTime + doneLate,
    doneOnTime,
    doneLate,
    overdue,
    inProgress,
    other: items.length - doneOnTime - doneLate - overdue - inProgress,
  };
}

/** "9 nội dung: 5 đã hoàn thành (4 đúng hạn, 1 chậm), 1 quá hạn, 3 đang thực hiện". */
export function summaryText(s: PublicSummary): string {
  const parts: string[] = [];
  if (s.done > 0) parts.push(`${s.done} đã hoàn thành (${s.doneOnTime} đúng hạn, ${s.doneLate} chậm hạn)`);
  if (s.overdue > 0) parts.push(`${s.overdue} quá hạn`);
  if (s.inProgress > 0) parts.push(`${s.inProgress} đang thực hiện`);
  if (s.other > 0) parts.push(`${s.other} khác`);
  return `${s.items} nội dung${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}
