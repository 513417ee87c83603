/**
 * The directive as the rest of the app sees it, and what is derived from it: timeliness (never
 * stored), the columns copied from the deadline for SQL, and the Vietnamese labels of codes.
 */
import {
  DEADLINE_KINDS,
  type DeadlineKind,
  endOfVietnamDay,
  lastDayCovered,
  vietnamDayNumber,
} from "./deadline.js";
import { daysOverdue, deriveTimeliness, type Timeliness } from "./timeliness.rules.js";
import type { WorkflowState } from "./workflow.rules.js";

/** A unit or one of its organisations, with the name people read. */
export interface PartyRef {
  unitId: number;
  organisationId: number | null;
  /** The organisation's name when there is one, else "Phường Thượng Thanh". */
  name: string;
}

/** The lead party, with the lead unit's last day (null while it exists). */
export interface LeadRef extends PartyRef {
  /** units.valid_to of the lead unit: once past, the open work awaits hand-over to a successor. */
  unitValidTo: string | null;
}

export interface DirectiveRecord {
  id: number;
  noticeId: number | null;
  noticeNumber: string | null;
  itemId: number | null;
  parentId: number | null;
  proposalId: number | null;
  title: string;
  lead: LeadRef;
  assigningUnitId: number;
  assignerPersonId: number | null;
  assignerName: string | null;
  deadline: { kind: DeadlineKind; date: string | null; phrase: string | null };
  state: WorkflowState;
  stateBeforePause: WorkflowState | null;
  progressPercent: number;
  submittedAt: string | null;
  confirmedAt: string | null;
  createdAt: string;
  /** The user who assigned it (told when it is submitted). */
  createdBy: number | null;
  coordinators: PartyRef[];
}

/** Timeliness of a directive now (Asia/Ho_Chi_Minh days, due soon within 7 days). */
export function timelinessOf(
  d: Pick<DirectiveRecord, "state" | "deadline" | "submittedAt" | "confirmedAt"> & {
    lead?: Pick<LeadRef, "unitValidTo">;
  },
  now: Date,
): Timeliness {
  return deriveTimeliness({
    leadUnitValidTo: d.lead?.unitValidTo ?? null,
    state: d.state,
    deadline: d.deadline,
    submittedAt: d.submittedAt ? new Date(d.submittedAt) : null,
    confirmedAt: d.confirmedAt ? new Date(d.confirmedAt) : null,
    now,
  });
}

/** Days late now or at completion; 0 when not late. */
export function daysOverdueOf(
  d: Pick<DirectiveRecord, "state" | "deadline" | "submittedAt" | "confirmedAt"> & {
    lead?: Pick<LeadRef, "unitValidTo">;
  },
  now: Date,
): number {
  return daysOverdue({
    leadUnitValidTo: d.lead?.unitValidTo ?? null,
    state: d.state,
    deadline: d.deadline,
    submittedAt: d.submittedAt ? new Date(d.submittedAt) : null,
    confirmedAt: d.confirmedAt ? new Date(d.confirmedAt) : null,
    now,
  });
}

/**
 * The copies of the deadline kept for SQL: the last day covered (ISO) and its Vietnamese day number.
 * Both null for "recurring", "none", or a deadline whose date is not known yet.
 */
export function deadlineColumns(
  kind: DeadlineKind,
  date: string | null,
): { deadline_end: string | null; deadline_day: number | null } {
  const end = lastDayCovered(kind, date);
  return { deadline_end: end, deadline_day: end === null ? null : vietnamDayNumber(endOfVietnamDay(end)) };
}

/** The Vietnamese day number of an instant (ISO text), or null. */
export function dayOf(instant: string | null): number | null {
  return instant === null ? null : vietnamDayNumber(new Date(instant));
}

export function isDeadlineKind(value: string): value is DeadlineKind {
  return (DEADLINE_KINDS as readonly string[]).includes(value);
}

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: "Trước ngày",
  month: "Trong tháng",
  quarter: "Trong quý",
  year: "Trong năm",
  term: "Trong nhiệm kỳ",
  recurring: "Thường xuyên",
  none: "Không thời hạn",
};

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  in_time: "Trong hạn",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  no_deadline: "Không thời hạn",
  paused: "Tạm dừng",
  cancelled: "Đã hủy",
  awaiting_handover: "Chờ bàn giao",
};

/** Badge classes of the shared stylesheet: green for done, grey for set aside, red for late. */
export function timelinessBadge(t: Timeliness): string {
  if (t === "done_on_time" || t === "in_time") return "badge published";
  if (t === "overdue" || t === "done_late" || t === "due_soon") return "badge draft";
  return "badge";
}
