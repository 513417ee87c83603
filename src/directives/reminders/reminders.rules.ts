/**
 * Which reminder a directive is due for. Reminders go out when 7, 3 and 1 days are left and once when
 * the deadline has passed; a run that finds a directive closer to its deadline than expected (the
 * server was down, the deadline was moved) sends only the most urgent reminder, never a backlog.
 */

export const REMINDER_KINDS = ["7d", "3d", "1d", "overdue"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Workflow states in which the lead unit still has work to do and should be reminded. */
export const REMINDED_STATES = ["assigned", "received", "in_progress", "returned"] as const;

/**
 * The reminder for `daysLeft` Vietnamese calendar days until the deadline day (0 = the deadline day,
 * negative = past it): "overdue" below 0, "1d" for 0–1, "3d" for 2–3, "7d" for 4–7, none beyond.
 */
export function reminderKindFor(daysLeft: number): ReminderKind | null {
  if (!Number.isInteger(daysLeft)) throw new RangeError(`daysLeft must be a whole number, got ${daysLeft}`);
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 1) return "1d";
  if (daysLeft <= 3) return "3d";
  if (daysLeft <= 7) return "7d";
  return null;
}

/** The Vietnamese subject line of a reminder. */
export function reminderSubject(kind: ReminderKind, title: string, daysLeft: number): string {
  const short = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  if (kind === "overdue") return `Nhiệm vụ quá hạn ${-daysLeft} ngày: ${short}`;
  if (daysLeft === 0) return `Nhiệm vụ đến hạn hôm nay: ${short}`;
  return `Nhiệm vụ còn ${daysLeft} ngày đến hạn: ${short}`;
}
