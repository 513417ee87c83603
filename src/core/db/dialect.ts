import type { ColumnDefinitionBuilder, CreateTableBuilder } from "kysely";

/** The two engines giaoban runs on. Every difference between them lives in this file. */
export type DialectName = "sqlite" | "postgres";

/** Adds an auto-incrementing integer primary key named `id`. */
export function withAutoId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, "id"> {
  return dialect === "postgres"
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export type ColumnBuilder = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** True for a unique-constraint violation on either engine (mapped to HTTP 409). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** True for a foreign-key violation on either engine. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}

/**
 * True for a value PostgreSQL refuses to store although SQLite would: a NUL or untranslatable
 * character in text (22021, 22P05), a number past its column's range (22003). Input validation
 * refuses these first; the error handler maps any that slip through to a 422, not a 500.
 */
export function isUnstorableValue(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "22021" || code === "22P05" || code === "22003";
}
