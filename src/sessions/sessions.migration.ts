import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/**
 * Tables of working sessions, conclusions, directives, progress reports, proposals and reminders
 * (types and meaning in sessions.tables.ts). Schema builder only, so both engines get the same tables.
 */
export function sessionsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);
      const index = (name: string, on: string, columns: string[]) =>
        db.schema.createIndex(name).on(on).columns(columns).execute();

      await table("work_program_items")
        .addColumn("owner_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("planned_month", "integer")
        .addColumn("host_unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await table("working_sessions")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("program_item_id", "integer", (c) =>
          c.references("work_program_items.id").onDelete("set null"),
        )
        .addColumn("owner_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("host_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("host_organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("visiting_unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("visiting_organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("starts_at", "text", (c) => c.notNull())
        .addColumn("ends_at", "text")
        .addColumn("place", "text", (c) => c.notNull())
        .addColumn("chair_person_id", "integer", (c) => c.references("people.id"))
        .addColumn("chair_name", "text", (c) => c.notNull())
        .addColumn("chair_title", "text")
        .addColumn("minutes", "text")
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await index("working_sessions_starts_idx", "working_sessions", ["starts_at"]);
      await index("working_sessions_host_idx", "working_sessions", ["host_unit_id", "starts_at"]);

      const child = (name: string) =>
        table(name).addColumn("session_id", "integer", (c) =>
          c.notNull().references("working_sessions.id").onDelete("cascade"),
        );
      await child("session_attendees")
        .addColumn("person_id", "integer", (c) => c.references("people.id"))
        .addColumn("position_id", "integer", (c) => c.references("positions.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("title", "text")
        .addColumn("unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("side", "text", (c) => c.notNull())
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await child("session_agenda_items")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("presenter", "text")
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();

      await table("session_files")
        .addColumn("storage_key", "text", (c) => c.notNull().unique())
        .addColumn("original_name", "text", (c) => c.notNull())
        .addColumn("mime_type", "text", (c) => c.notNull())
        .addColumn("byte_size", "integer", (c) => c.notNull())
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("uploaded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await child("session_documents")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("period_key", "text")
        .addColumn("file_id", "integer", (c) => c.references("session_files.id"))
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await child("session_opinions")
        .addColumn("person_id", "integer", (c) => c.references("people.id"))
        .addColumn("speaker_name", "text", (c) => c.notNull())
        .addColumn("speaker_title", "text")
        .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      for (const name of [
        "session_attendees",
        "session_agenda_items",
        "session_documents",
        "session_opinions",
      ]) {
        await index(`${name}_session_idx`, name, ["session_id"]);
      }

      await table("conclusion_notices")
        .addColumn("session_id", "integer", (c) => c.references("working_sessions.id").onDelete("set null"))
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("issued_on", "text", (c) => c.notNull())
        .addColumn("issuing_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("issuing_body", "text", (c) => c.notNull())
        .addColumn("parent_body", "text")
        .addColumn("place_name", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("preamble", "text")
        .addColumn("signer_person_id", "integer", (c) => c.references("people.id"))
        .addColumn("signer_name", "text", (c) => c.notNull())
        .addColumn("signer_title", "text", (c) => c.notNull())
        .addColumn("signing_authority", "text")
        .addColumn("recipients", "text")
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await index("conclusion_notices_session_idx", "conclusion_notices", ["session_id"]);

      await table("conclusion_items")
        .addColumn("notice_id", "integer", (c) =>
          c.notNull().references("conclusion_notices.id").onDelete("cascade"),
        )
        .addColumn("parent_item_id", "integer", (c) =>
          c.references("conclusion_items.id").onDelete("cascade"),
        )
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("area", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await index("conclusion_items_notice_idx", "conclusion_items", ["notice_id"]);

      // proposal_id has no foreign key: proposals point back at directives, and one of the two
      // references has to be created first.
      await table("directives")
        .addColumn("notice_id", "integer", (c) => c.references("conclusion_notices.id"))
        .addColumn("item_id", "integer", (c) => c.references("conclusion_items.id"))
        .addColumn("parent_id", "integer", (c) => c.references("directives.id"))
        .addColumn("proposal_id", "integer")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("lead_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("lead_organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("assigning_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("assigner_person_id", "integer", (c) => c.references("people.id"))
        .addColumn("assigner_name", "text")
        .addColumn("deadline_kind", "text", (c) => c.notNull())
        .addColumn("deadline_date", "text")
        .addColumn("deadline_phrase", "text")
        .addColumn("deadline_end", "text")
        .addColumn("deadline_day", "integer")
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("state_before_pause", "text")
        .addColumn("progress_percent", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("submitted_at", "text")
        .addColumn("submitted_day", "integer")
        .addColumn("confirmed_at", "text")
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await index("directives_lead_idx", "directives", ["lead_unit_id", "state"]);
      await index("directives_assigning_idx", "directives", ["assigning_unit_id"]);
      await index("directives_notice_idx", "directives", ["notice_id"]);
      await index("directives_parent_idx", "directives", ["parent_id"]);
      await index("directives_deadline_idx", "directives", ["deadline_day"]);
      // Covers every column the follow-up aggregate reads, so counting 100.000 directives scans this
      // narrow index instead of the wide table (SQLite "USING COVERING INDEX", PostgreSQL index-only).
      await index("directives_follow_up_idx", "directives", [
        "lead_unit_id",
        "lead_organisation_id",
        "state",
        "deadline_day",
        "submitted_day",
        "notice_id",
        "assigner_person_id",
        "assigning_unit_id",
        "deadline_end",
        "assigner_name",
      ]);

      await table("directive_coordinators")
        .addColumn("directive_id", "integer", (c) =>
          c.notNull().references("directives.id").onDelete("cascade"),
        )
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
        .execute();
      await index("directive_coordinators_directive_idx", "directive_coordinators", ["directive_id"]);
      await index("directive_coordinators_unit_idx", "directive_coordinators", ["unit_id"]);

      await table("directive_reports")
        .addColumn("directive_id", "integer", (c) =>
          c.notNull().references("directives.id").onDelete("cascade"),
        )
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("percent", "integer")
        .addColumn("text", "text")
        .addColumn("from_state", "text", (c) => c.notNull())
        .addColumn("to_state", "text", (c) => c.notNull())
        .addColumn("reported_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("reporter_name", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await index("directive_reports_directive_idx", "directive_reports", ["directive_id"]);
      await table("directive_report_files")
        .addColumn("report_id", "integer", (c) =>
          c.notNull().references("directive_reports.id").onDelete("cascade"),
        )
        .addColumn("file_id", "integer", (c) => c.notNull().references("session_files.id"))
        .execute();

      await table("proposals")
        .addColumn("session_id", "integer", (c) => c.references("working_sessions.id").onDelete("set null"))
        .addColumn("from_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("from_organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("topic", "text", (c) => c.notNull())
        .addColumn("text", "text")
        .addColumn("answer_due", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("answer", "text")
        .addColumn("answered_at", "text")
        .addColumn("answered_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("answer_organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("directive_id", "integer", (c) => c.references("directives.id"))
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await index("proposals_from_idx", "proposals", ["from_unit_id"]);
      await index("proposals_session_idx", "proposals", ["session_id"]);
      await table("proposal_addressees")
        .addColumn("proposal_id", "integer", (c) =>
          c.notNull().references("proposals.id").onDelete("cascade"),
        )
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
        .execute();
      await index("proposal_addressees_proposal_idx", "proposal_addressees", ["proposal_id"]);

      await table("notifications")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("body", "text")
        .addColumn("link", "text")
        .addColumn("directive_id", "integer", (c) => c.references("directives.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("read_at", "text")
        .execute();
      await index("notifications_user_idx", "notifications", ["user_id", "created_at"]);

      await table("reminders_sent")
        .addColumn("directive_id", "integer", (c) =>
          c.notNull().references("directives.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("due_on", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("recipients", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("mail_status", "text", (c) => c.notNull())
        .addColumn("mail_error", "text")
        .addUniqueConstraint("reminders_sent_unique", ["directive_id", "kind", "due_on"])
        .execute();
    },
  };
}
