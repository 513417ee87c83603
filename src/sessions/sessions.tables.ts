import type { Generated } from "kysely";

/**
 * Kysely table types of working sessions, conclusions, directives, progress reports, proposals and
 * reminders; merged into `DB` in src/core/db/schema.ts. Conventions as in schema.ts: dates
 * `YYYY-MM-DD`, instants ISO-8601 UTC text, booleans 0/1, codes in English (labels live in the views).
 *
 * A "party" of a directive or proposal (lead, coordinating, addressed, raising) is always a unit and,
 * when known, one of its organisations (Phòng Tài chính - Kế hoạch of quận Long Biên): permissions
 * follow the unit, people read the organisation.
 */

/** An entry of a unit's annual programme of work (chương trình công tác) that plans sessions. */
export interface WorkProgramItemsTable {
  id: Generated<number>;
  owner_unit_id: number;
  year: number;
  title: string;
  /** 1–12, or null when the programme does not say. */
  planned_month: number | null;
  /** The unit the session is planned with, when known. */
  host_unit_id: number | null;
  created_at: string;
}

/** A working session: buổi làm việc, hội nghị, họp giao ban or kỳ họp. */
export interface WorkingSessionsTable {
  id: Generated<number>;
  /** working_visit | conference | briefing | council_meeting */
  kind: string;
  title: string;
  program_item_id: number | null;
  /** Whose session it is (the visiting unit, else the host): it decides who may edit it. */
  owner_unit_id: number;
  /** The unit worked with, or where the session is held. */
  host_unit_id: number;
  host_organisation_id: number | null;
  visiting_unit_id: number | null;
  visiting_organisation_id: number | null;
  starts_at: string;
  ends_at: string | null;
  place: string;
  chair_person_id: number | null;
  /** Name and title as they were on the day (positions change; the record must not). */
  chair_name: string;
  chair_title: string | null;
  minutes: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Who attended: a person with the position held that day, or a unit or body ("các phòng, ban"). */
export interface SessionAttendeesTable {
  id: Generated<number>;
  session_id: number;
  person_id: number | null;
  position_id: number | null;
  name: string;
  title: string | null;
  unit_id: number | null;
  organisation_id: number | null;
  /** visiting | host | other */
  side: string;
  sort_order: number;
}

export interface SessionAgendaItemsTable {
  id: Generated<number>;
  session_id: number;
  title: string;
  presenter: string | null;
  sort_order: number;
}

/** A document presented: a unit's evaluation for a period (kept as a link) or an uploaded file. */
export interface SessionDocumentsTable {
  id: Generated<number>;
  session_id: number;
  title: string;
  /** evaluation | file | other */
  kind: string;
  /** For evaluation: the unit and period ("2019", "2015-2020") of the targets module's evaluation. */
  unit_id: number | null;
  period_key: string | null;
  file_id: number | null;
  sort_order: number;
}

export interface SessionOpinionsTable {
  id: Generated<number>;
  session_id: number;
  person_id: number | null;
  speaker_name: string;
  speaker_title: string | null;
  organisation_id: number | null;
  summary: string;
  sort_order: number;
}

/** Files attached to sessions and progress reports; private, served only after a permission check. */
export interface SessionFilesTable {
  id: Generated<number>;
  storage_key: string;
  original_name: string;
  mime_type: string;
  byte_size: number;
  /** The unit whose people may read it. */
  unit_id: number;
  uploaded_by: number | null;
  created_at: string;
}

/** Thông báo kết luận: "136-TB/QU" of a date, signed, usually after a session. */
export interface ConclusionNoticesTable {
  id: Generated<number>;
  session_id: number | null;
  number: string;
  issued_on: string;
  issuing_unit_id: number;
  /** Printed in the header: "QUẬN ỦY LONG BIÊN"; the body above it, if any. */
  issuing_body: string;
  parent_body: string | null;
  /** "Long Biên" in "Long Biên, ngày 05 tháng 01 năm 2020". */
  place_name: string;
  /** Trích yếu: what the notice is about. */
  title: string;
  preamble: string | null;
  signer_person_id: number | null;
  signer_name: string;
  signer_title: string;
  /** "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"…; null when the signer signs in their own name. */
  signing_authority: string | null;
  /** "Nơi nhận", one per line. */
  recipients: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A numbered item of a notice; sub-items (a), b)) point at their parent item. */
export interface ConclusionItemsTable {
  id: Generated<number>;
  notice_id: number;
  parent_item_id: number | null;
  number: string;
  /** An AreaCode of src/directives/areas.ts. */
  area: string;
  text: string;
  sort_order: number;
}

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

export interface SessionsTables {
  work_program_items: WorkProgramItemsTable;
  working_sessions: WorkingSessionsTable;
  session_attendees: SessionAttendeesTable;
  session_agenda_items: SessionAgendaItemsTable;
  session_documents: SessionDocumentsTable;
  session_opinions: SessionOpinionsTable;
  session_files: SessionFilesTable;
  conclusion_notices: ConclusionNoticesTable;
  conclusion_items: ConclusionItemsTable;
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
  interface DB extends SessionsTables {}
}
