import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/**
 * Tables of directives, progress reports, proposals, notifications and reminders (types in
 * directives.tables.ts).
 * Part of migration 0004, which the composition root runs as one step (src/app/migrations.ts).
 */
export async function createDirectiveTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);
  const index = (name: string, on: string, columns: string[]) =>
    db.schema.createIndex(name).on(on).columns(columns).execute();

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
    .addColumn("directive_id", "integer", (c) => c.notNull().references("directives.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .execute();
  await index("directive_coordinators_directive_idx", "directive_coordinators", ["directive_id"]);
  await index("directive_coordinators_unit_idx", "directive_coordinators", ["unit_id"]);

  await table("directive_reports")
    .addColumn("directive_id", "integer", (c) => c.notNull().references("directives.id").onDelete("cascade"))
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
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
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
    .addColumn("directive_id", "integer", (c) => c.notNull().references("directives.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("mail_status", "text", (c) => c.notNull())
    .addColumn("mail_error", "text")
    .addUniqueConstraint("reminders_sent_unique", ["directive_id", "kind", "due_on"])
    .execute();
}
