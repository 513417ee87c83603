/**
 * The answer deadline of a feedback, a rule with a name: "Thời hạn trả lời phản ánh" is
 * {@link ANSWER_WORKING_DAYS} working days (Monday to Friday) counted from the day after the feedback
 * arrived, as the ward's office counts them. Public holidays are not in the calendar here: a deadline
 * across Tết is a little early, never late.
 */

export const ANSWER_DEADLINE_RULE = "Thời hạn trả lời phản ánh: 10 ngày làm việc kể từ ngày tiếp nhận";
export const ANSWER_WORKING_DAYS = 10;
/** A reminder goes out when this many working days or fewer are left, and once when it has passed. */
export const DUE_SOON_WORKING_DAYS = 2;

function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isWorkingDay(iso: string): boolean {
  const dow = dayOfWeek(iso);
  return dow !== 0 && dow !== 6;
}

/** The day `n` working days after `from` (`YYYY-MM-DD`, Vietnam's calendar day of arrival). */
export function addWorkingDays(from: string, n: number): string {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The last day to answer a feedback that arrived on `receivedOn`. */
export function answerDueDate(receivedOn: string): string {
  return addWorkingDays(receivedOn, ANSWER_WORKING_DAYS);
}

/** Working days from `today` to `due` (0 on the day itself, negative once it has passed). */
export function workingDaysLeft(today: string, due: string): number {
  if (today === due) return 0;
  const forward = today < due;
  let day = today;
  let count = 0;
  while (day !== due) {
    day = addDays(day, forward ? 1 : -1);
    if (isWorkingDay(day) || day === due) count += 1;
  }
  return forward ? count : -count;
}

export type DeadlineReminder = "due_soon" | "overdue";

/** Which reminder a still open feedback calls for today, if any. */
export function reminderFor(today: string, due: string): DeadlineReminder | null {
  if (today > due) return "overdue";
  return workingDaysLeft(today, due) <= DUE_SOON_WORKING_DAYS ? "due_soon" : null;
}
