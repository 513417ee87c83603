/**
 * Derived timeliness of a directive: computed from the workflow state, the deadline and the clock, and
 * never stored, because it changes at midnight without anyone acting. All day arithmetic is on the
 * Vietnamese calendar (UTC+7): a deadline day ends at 23:59:59.999 in Hà Nội.
 *
 * When is a task done on time? Only a confirmed task is done, but the moment compared with the deadline
 * is the SUBMISSION that the assigner later confirmed, not the confirmation: in practice the unit
 * finished when it reported completion, and a leader who confirms a week later must not make the unit
 * late. The confirmation time is used only when no submission time is known (a task confirmed directly).
 */
import {
  type Deadline,
  endOfVietnamDay,
  lastDayCovered,
  vietnamDateOf,
  vietnamDayNumber,
} from "./deadline.js";
import type { WorkflowState } from "./workflow.rules.js";

/**
 * Derived timeliness values:
 * - in_time / due_soon / overdue: not done yet, measured against now (see {@link deriveTimeliness}).
 * - done_on_time / done_late: confirmed, measured at the confirmed submission.
 * - no_deadline: not done and no deadline ("thường xuyên", or none given).
 * - paused / cancelled: set aside by the assigner; neither on time nor late, and left out of lateness.
 * - awaiting_handover: not done, and its lead unit no longer exists (dissolved or merged in a
 *   reorganisation): the work waits to be handed over to a successor, and is not late against a unit
 *   that cannot act.
 */
export const TIMELINESS = [
  "in_time",
  "due_soon",
  "overdue",
  "done_on_time",
  "done_late",
  "no_deadline",
  "paused",
  "cancelled",
  "awaiting_handover",
] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** What timeliness is derived from. */
export interface TimelinessInput {
  state: WorkflowState;
  /** The directive's deadline; only kind and date matter. Null means none. */
  deadline: Pick<Deadline, "kind" | "date"> | null;
  /** When the submission under review (state "submitted") or the accepted one ("confirmed") was made. */
  submittedAt?: Date | null;
  /** When the assigner confirmed completion. */
  confirmedAt?: Date | null;
  now: Date;
  /** An open task is "due soon" when at most this many Vietnamese calendar days remain. Default 7. */
  dueSoonDays?: number;
  /** The lead unit's last day (units.valid_to), null while it exists: after it the work awaits hand-over. */
  leadUnitValidTo?: string | null;
}

/**
 * Does an unfinished task wait for hand-over at `now`: its lead unit's last day is before today in
 * Vietnam? Confirmed and cancelled tasks never wait.
 */
export function awaitsHandover(input: Pick<TimelinessInput, "state" | "leadUnitValidTo" | "now">): boolean {
  if (input.state === "confirmed" || input.state === "cancelled") return false;
  const end = input.leadUnitValidTo ?? null;
  return end !== null && end < vietnamDateOf(input.now);
}

/**
 * The instant a deadline ends: the end (23:59:59.999, UTC+7) of its last day. A date deadline ends
 * that day; month, quarter and year deadlines end on the last day of the period that contains their
 * date; a term deadline ends on the date stored for it. Null for "recurring", "none", a null deadline
 * or one whose date is missing or invalid: such a task cannot be late.
 */
export function resolveDeadline(deadline: Pick<Deadline, "kind" | "date"> | null): Date | null {
  if (deadline === null) return null;
  const last = lastDayCovered(deadline.kind, deadline.date);
  return last === null ? null : endOfVietnamDay(last);
}

/** The instant compared with the deadline for a confirmed task: the submission, else the confirmation. */
function completionInstant(input: TimelinessInput): Date {
  const at = input.submittedAt ?? input.confirmedAt;
  if (!at) throw new RangeError("A confirmed directive needs submittedAt or confirmedAt");
  return at;
}

/**
 * The instant at which an unfinished task's lateness is measured. A task submitted in time stops the
 * clock while it waits for the assigner: it stays "in_time" even after the deadline passes, and turns
 * "done_on_time" when confirmed. A returned task runs on "now" again, since that submission was refused.
 */
function measuredAt(input: TimelinessInput): Date {
  return input.state === "submitted" && input.submittedAt ? input.submittedAt : input.now;
}

/**
 * Derives the timeliness of one directive.
 *
 * - cancelled → "cancelled"; an unfinished task whose lead unit no longer exists → "awaiting_handover";
 *   paused → "paused", whatever the deadline (a paused task is not counted late;
 *   whoever resumes it should set a new deadline if the pause made the old one unreachable).
 * - confirmed → "done_on_time" when the confirmed submission (or, lacking it, the confirmation) was at
 *   or before the end of the deadline, else "done_late"; a confirmed task without deadline is
 *   "done_on_time" because it cannot be late. Throws RangeError if neither time is given.
 * - otherwise, without a deadline → "no_deadline"; after the end of the deadline → "overdue"; with at
 *   most `dueSoonDays` Vietnamese calendar days left (0 = the deadline day itself) → "due_soon"; else
 *   "in_time". A task submitted in time and awaiting confirmation is "in_time" (the clock stopped).
 */
export function deriveTimeliness(input: TimelinessInput): Timeliness {
  const dueSoonDays = input.dueSoonDays ?? 7;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) {
    throw new RangeError(`dueSoonDays must be a whole number ≥ 0, got ${dueSoonDays}`);
  }
  if (input.state === "cancelled") return "cancelled";
  if (awaitsHandover(input)) return "awaiting_handover";
  if (input.state === "paused") return "paused";
  const end = resolveDeadline(input.deadline);
  if (input.state === "confirmed") {
    const done = completionInstant(input);
    return end === null || done.getTime() <= end.getTime() ? "done_on_time" : "done_late";
  }
  if (end === null) return "no_deadline";
  const at = measuredAt(input);
  if (at.getTime() > end.getTime()) return "overdue";
  // Submitted before the deadline: waiting for the assigner is not the unit's lateness.
  if (input.state === "submitted" && input.submittedAt) return "in_time";
  const daysLeft = vietnamDayNumber(end) - vietnamDayNumber(input.now);
  return daysLeft <= dueSoonDays ? "due_soon" : "in_time";
}

/**
 * How many Vietnamese calendar days a directive is (or was) late: 0 when not late.
 * - open task: days from the deadline day to today (1 on the day after the deadline);
 * - submitted task: days late at the submission (the clock stopped there);
 * - confirmed task: days late at the confirmed submission (or confirmation), as in {@link deriveTimeliness};
 * - paused, cancelled, awaiting hand-over, or no deadline: 0.
 */
export function daysOverdue(input: TimelinessInput): number {
  if (input.state === "cancelled" || input.state === "paused" || awaitsHandover(input)) return 0;
  const end = resolveDeadline(input.deadline);
  if (end === null) return 0;
  const at = input.state === "confirmed" ? completionInstant(input) : measuredAt(input);
  if (at.getTime() <= end.getTime()) return 0;
  return vietnamDayNumber(at) - vietnamDayNumber(end);
}

/**
 * Vietnamese calendar days from `now` to the deadline day: 0 on the deadline day, negative once it has
 * passed, null without a deadline. For "còn N ngày" labels.
 */
export function daysUntilDeadline(
  deadline: Pick<Deadline, "kind" | "date"> | null,
  now: Date,
): number | null {
  const end = resolveDeadline(deadline);
  return end === null ? null : vietnamDayNumber(end) - vietnamDayNumber(now);
}
