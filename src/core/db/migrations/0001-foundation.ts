import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../dialect.js";

/** Units, people, accounts, audit, articles: the tables every later module builds on. */
export function foundationMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);

      await table("units")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("code", "text")
        .addColumn("valid_from", "text", (c) => c.notNull())
        .addColumn("valid_to", "text")
        .addColumn("address", "text")
        .addColumn("phone", "text")
        .addColumn("email", "text")
        .addColumn("intro", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("units_code_idx").on("units").column("code").execute();

      await table("unit_parents")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id").onDelete("cascade"))
        .addColumn("parent_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("valid_from", "text", (c) => c.notNull())
        .addColumn("valid_to", "text")
        .execute();
      await db.schema.createIndex("unit_parents_unit_idx").on("unit_parents").column("unit_id").execute();
      await db.schema.createIndex("unit_parents_parent_idx").on("unit_parents").column("parent_id").execute();

      await table("unit_successions")
        .addColumn("from_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("to_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("effective_date", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("population_share", "double precision")
        .addColumn("area_share", "double precision")
        .addColumn("legal_basis", "text")
        .addColumn("note", "text")
        .execute();

      await table("organisations")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("valid_from", "text", (c) => c.notNull())
        .addColumn("valid_to", "text")
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("organisations_unit_idx").on("organisations").column("unit_id").execute();

      await table("people")
        .addColumn("full_name", "text", (c) => c.notNull())
        .addColumn("biography", "text")
        .execute();

      await table("positions")
        .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
        .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("is_leader", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("valid_from", "text")
        .addColumn("valid_to", "text")
        .execute();
      await db.schema.createIndex("positions_org_idx").on("positions").column("organisation_id").execute();

      await table("users")
        .addColumn("username", "text", (c) => c.notNull().unique())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("email", "text")
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await table("role_grants")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("valid_from", "text", (c) => c.notNull())
        .addColumn("valid_to", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("role_grants_user_idx").on("role_grants").column("user_id").execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("user_agent", "text")
        .addColumn("ip", "text")
        .execute();
      await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

      await table("api_tokens")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();

      await table("login_attempts")
        .addColumn("username", "text", (c) => c.notNull())
        .addColumn("ip", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("success", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("login_attempts_user_idx")
        .on("login_attempts")
        .columns(["username", "at"])
        .execute();
      await db.schema
        .createIndex("login_attempts_ip_idx")
        .on("login_attempts")
        .columns(["ip", "at"])
        .execute();

      await table("audit_events")
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("entity_type", "text", (c) => c.notNull())
        .addColumn("entity_id", "text")
        .addColumn("unit_id", "integer")
        .addColumn("before_json", "text")
        .addColumn("after_json", "text")
        .addColumn("ip", "text")
        .execute();
      await db.schema.createIndex("audit_events_at_idx").on("audit_events").column("at").execute();
      await db.schema
        .createIndex("audit_events_entity_idx")
        .on("audit_events")
        .columns(["entity_type", "entity_id"])
        .execute();

      await table("categories")
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();

      await table("media")
        .addColumn("storage_key", "text", (c) => c.notNull().unique())
        .addColumn("original_name", "text", (c) => c.notNull())
        .addColumn("mime_type", "text", (c) => c.notNull())
        .addColumn("byte_size", "integer", (c) => c.notNull())
        .addColumn("uploaded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await table("articles")
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("lead", "text")
        .addColumn("body_html", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("published_at", "text")
        .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("category_id", "integer", (c) => c.references("categories.id"))
        .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("articles_status_published_idx")
        .on("articles")
        .columns(["status", "published_at"])
        .execute();

      await table("article_images")
        .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
        .addColumn("media_id", "integer", (c) => c.notNull().references("media.id"))
        .addColumn("caption", "text", (c) => c.notNull())
        .addColumn("alt_text", "text", (c) => c.notNull())
        .addColumn("position", "integer")
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex("article_images_article_idx")
        .on("article_images")
        .column("article_id")
        .execute();

      await db.schema
        .createTable("jobs")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("next_run_at", "text", (c) => c.notNull())
        .addColumn("locked_by", "text")
        .addColumn("locked_until", "text")
        .addColumn("last_run_at", "text")
        .addColumn("last_error", "text")
        .execute();
    },
  };
}
