import type { Generated } from "kysely";

/**
 * Table types of citizens' feedback (phản ánh, kiến nghị), added to the app-wide `DB`. Conventions as
 * in core/db/schema.ts: dates `YYYY-MM-DD`, instants ISO-8601 UTC text, booleans 0/1, codes in English.
 */

/**
 * One feedback sent by a citizen through the portal or the API, in the queue of the ward it names.
 * The sender's name and contact are personal data: shown to the ward's officers only, never on a
 * public page or in the public API.
 */
export interface FeedbacksTable {
  id: Generated<number>;
  /** The tracking code the sender keeps ("PA-7K3M9Q"), unique. */
  code: string;
  /** The ward (or commune) whose queue it is in. */
  unit_id: number;
  /** A FeedbackTopic code. */
  topic: string;
  place: string;
  text: string;
  sender_name: string | null;
  /** Phone or e-mail, as given. */
  sender_contact: string | null;
  /** 1: the sender asked for the answer by mail (then a contact is required). */
  wants_reply: number;
  /** When the sender agreed to the processing of the personal data given (required to send). */
  consent_at: string;
  /** A FeedbackState: new | in_progress | answered | rejected | transferred. */
  state: string;
  /** A FeedbackVisibility: visible | hidden | spam (moderation). */
  visibility: string;
  /** The organisation of the ward that handles it. */
  organisation_id: number | null;
  answer: string | null;
  /** 1: the answer shows on the public Q&A list and the tracking page. */
  answer_public: number;
  answered_at: string | null;
  answered_by: number | null;
  /** The last day to answer (working days from the day it arrived, answer-deadline.rules.ts). */
  answer_due: string;
  /** A keyed hash of the sender's address, for the per-address limit; never the address itself. */
  sender_key: string;
  created_at: string;
  updated_at: string;
}

/** Up to three photos of a feedback: stored files (core/files), re-encoded without metadata. */
export interface FeedbackPhotosTable {
  id: Generated<number>;
  feedback_id: number;
  file_id: number;
  position: number;
}

/** The reminders sent about a feedback's answer deadline: one row per (feedback, kind, due day). */
export interface FeedbackRemindersTable {
  id: Generated<number>;
  feedback_id: number;
  /** due_soon | overdue */
  kind: string;
  due_on: string;
  sent_at: string;
  recipients: number;
}

export interface FeedbackTables {
  feedbacks: FeedbacksTable;
  feedback_photos: FeedbackPhotosTable;
  feedback_reminders: FeedbackRemindersTable;
}

declare module "../core/db/schema.js" {
  interface DB extends FeedbackTables {}
}
