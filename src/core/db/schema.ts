import type { Generated } from "kysely";

/**
 * Table types for Kysely. Conventions kept identical on SQLite and PostgreSQL:
 * - dates are `YYYY-MM-DD` text, timestamps ISO-8601 UTC text (`2020-01-02T14:49:00.000Z`), so both
 *   engines sort and compare them the same way and return the same JS values;
 * - booleans are integers 0/1;
 * - `valid_to` is inclusive and null means "still valid".
 */

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  /** city | district | ward | commune | town | residential_group */
  level: string;
  /** Statistics code; reused over time, so never a key. */
  code: string | null;
  valid_from: string;
  valid_to: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  intro: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitParentsTable {
  id: Generated<number>;
  unit_id: number;
  parent_id: number;
  valid_from: string;
  valid_to: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  /** create | update | delete | login | logout | publish | … */
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface JobsTable {
  /** One row per recurring job; a process claims it by moving `locked_until` forward atomically. */
  name: string;
  next_run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_run_at: string | null;
  last_error: string | null;
}

/** Stored attachments (core/files): session documents and the files of directive reports. */
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

/**
 * Every table. The floor declares the ones it reads itself (the unit tree every access check walks,
 * the audit log, the job claims); each room adds its own from its `*.tables.ts` by declaration
 * merging (`declare module "…/core/db/schema.js" { interface DB extends RoomTables {} }`), so the
 * floor never imports a room and every repository still sees one typed database.
 */
export interface DB {
  units: UnitsTable;
  unit_parents: UnitParentsTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  session_files: SessionFilesTable;
}
