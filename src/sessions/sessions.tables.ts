import type { Generated } from "kysely";

/**
 * Kysely table types of the programme of work and working sessions, added to the app-wide `DB`.
 * Conventions as in core/db/schema.ts: dates `YYYY-MM-DD`, instants ISO-8601 UTC text, booleans 0/1,
 * codes in English (labels live in the views).
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

export interface SessionsTables {
  work_program_items: WorkProgramItemsTable;
  working_sessions: WorkingSessionsTable;
  session_attendees: SessionAttendeesTable;
  session_agenda_items: SessionAgendaItemsTable;
  session_documents: SessionDocumentsTable;
  session_opinions: SessionOpinionsTable;
}

declare module "../core/db/schema.js" {
  interface DB extends SessionsTables {}
}
