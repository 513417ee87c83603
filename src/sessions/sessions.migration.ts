import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/**
 * Tables of the programme of work and working sessions (types in sessions.tables.ts), and the stored
 * files of core/files. Schema builder only, so both engines get the same tables.
 * Part of migration 0004, which the composition root runs as one step (src/app/migrations.ts).
 */
export async function createSessionTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
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
  for (const name of ["session_attendees", "session_agenda_items", "session_documents", "session_opinions"]) {
    await index(`${name}_session_idx`, name, ["session_id"]);
  }
}
