import type { Generated } from "kysely";

/**
 * Kysely table types of directives, their progress reports, proposals, notifications and reminders,
 * added to the app-wide `DB`.
 * Conventions as in core/db/schema.ts: dates `YYYY-MM-DD`, instants ISO-8601 UTC text, booleans 0/1,
 * codes in English (labels live in the views).
 *
 * A "party" of a directive or proposal (lead, coordinating, addressed, raising) is always a unit and,
 * when known, one of its organisations (Phòng Tài chính - Kế hoạch of quận Long Biên): permissions
 * follow the unit, people read the organisation.
 */

/**
 * A directive (nhiệm vụ). `state` is the recorded workflow; timeliness is derived, never stored.
 * `deadline_end` and `deadline_day` (the last day covered, as ISO date and as a Vietnamese day number)
 * and `submitted_day` are copies derived from the deadline and submission on every write, kept so
 * that follow-up counts and filters run as one SQL aggregate.
 */
export interface DirectivesTable {
  id: Generated<number>;
  notice_id: number | null;
  item_id: number | null;
  parent_id: number | null;
  proposal_id: number | null;
  title: string;
  lead_unit_id: number;
  lead_organisation_id: number | null;
  /** The unit of the assigning leader or office: confirming and returning belong to it. */
  assigning_unit_id: number;
  assigner_person_id: number | null;
  assigner_name: string | null;
  /** A DeadlineKind of src/directives/deadline.ts. */
  deadline_kind: string;
  deadline_date: string | null;
  deadline_phrase: string | null;
  deadline_end: string | null;
  deadline_day: number | null;
  /** A WorkflowState of src/directives/workflow.rules.ts. */
  state: string;
  state_before_pause: string | null;
  progress_percent: number;
  submitted_at: string | null;
  submitted_day: number | null;
  confirmed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DirectiveCoordinatorsTable {
  id: Generated<number>;
  directive_id: number;
  unit_id: number;
  organisation_id: number | null;
}

/** Progress reports and workflow decisions on a directive, newest last. */
export interface DirectiveReportsTable {
  id: Generated<number>;
  directive_id: number;
  /** A WorkflowAction: report_progress, submit, confirm, return, pause, resume, cancel, reassign, receive. */
  action: string;
  percent: number | null;
  text: string | null;
  from_state: string;
  to_state: string;
  reported_by: number | null;
  reporter_name: string;
  at: string;
  /** 1: the text may be shown on the public page of a published notice (migration 0016); default 0. */
  is_public: Generated<number>;
}

export interface DirectiveReportFilesTable {
  id: Generated<number>;
  report_id: number;
  file_id: number;
}

/** Kiến nghị, đề xuất: raised by a unit (usually at a session) and answered by departments. */
export interface ProposalsTable {
  id: Generated<number>;
  session_id: number | null;
  from_unit_id: number;
  from_organisation_id: number | null;
  topic: string;
  text: string | null;
  answer_due: string | null;
  /** unanswered | answered | in_progress | resolved */
  status: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: number | null;
  answer_organisation_id: number | null;
  /** The directive made from it, if any. */
  directive_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProposalAddresseesTable {
  id: Generated<number>;
  proposal_id: number;
  unit_id: number;
  organisation_id: number | null;
}

/** In-app notifications. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** reminder_7d | reminder_3d | reminder_1d | reminder_overdue | … */
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  directive_id: number | null;
  created_at: string;
  read_at: string | null;
}

/**
 * One row per reminder ever sent. The unique key (directive, kind, due_on) is what makes a reminder
 * go out once: a run inserts the row first, and a second process or a rerun after a restart loses
 * the insert and sends nothing.
 */
export interface RemindersSentTable {
  id: Generated<number>;
  directive_id: number;
  /** 7d | 3d | 1d | overdue */
  kind: string;
  /** The deadline's last day the reminder is about: a new deadline gets new reminders. */
  due_on: string;
  created_at: string;
  recipients: number;
  /** none (no address or no SMTP) | pending | sent | failed */
  mail_status: string;
  mail_error: string | null;
}

export interface DirectivesTables {
  directives: DirectivesTable;
  directive_coordinators: DirectiveCoordinatorsTable;
  directive_reports: DirectiveReportsTable;
  directive_report_files: DirectiveReportFilesTable;
  proposals: ProposalsTable;
  proposal_addressees: ProposalAddresseesTable;
  notifications: NotificationsTable;
  reminders_sent: RemindersSentTable;
}

declare module "../core/db/schema.js" {
  interface DB extends DirectivesTables {}
}
