import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/** Citizens' feedback, its photos and its reminders (types in feedback.tables.ts); migration 0019. */
export function feedbackMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await withAutoId(db.schema.createTable("feedbacks"), dialect)
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("topic", "text", (c) => c.notNull())
        .addColumn("place", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("sender_name", "text")
        .addColumn("sender_contact", "text")
        .addColumn("wants_reply", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("consent_at", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("answer", "text")
        .addColumn("answer_public", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("answered_at", "text")
        .addColumn("answered_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("answer_due", "text", (c) => c.notNull())
        .addColumn("sender_key", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("feedbacks_unit_idx")
        .on("feedbacks")
        .columns(["unit_id", "state"])
        .execute();
      // The per-address limit counts a sender's recent feedbacks.
      await db.schema
        .createIndex("feedbacks_sender_idx")
        .on("feedbacks")
        .columns(["sender_key", "created_at"])
        .execute();
      await withAutoId(db.schema.createTable("feedback_photos"), dialect)
        .addColumn("feedback_id", "integer", (c) =>
          c.notNull().references("feedbacks.id").onDelete("cascade"),
        )
        .addColumn("file_id", "integer", (c) => c.notNull().references("session_files.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("feedback_photos_feedback_idx")
        .on("feedback_photos")
        .columns(["feedback_id"])
        .execute();
      await withAutoId(db.schema.createTable("feedback_reminders"), dialect)
        .addColumn("feedback_id", "integer", (c) =>
          c.notNull().references("feedbacks.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("due_on", "text", (c) => c.notNull())
        .addColumn("sent_at", "text", (c) => c.notNull())
        .addColumn("recipients", "integer", (c) => c.notNull())
        .addUniqueConstraint("feedback_reminders_once", ["feedback_id", "kind", "due_on"])
        .execute();
    },
  };
}
