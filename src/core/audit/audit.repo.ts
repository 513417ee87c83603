import type { Kysely } from "kysely";
import type { Actor } from "../access/policy.js";
import type { DB } from "../db/schema.js";

export interface AuditEventInput {
  actor: Actor | null;
  /** create | update | delete | publish | unpublish | login | logout | token_create | … */
  action: string;
  entityType: string;
  entityId: string | number | null;
  unitId: number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at: Date;
}

/**
 * Writes one audit event. Call it with the transaction that makes the change, so the change and its
 * record are committed (or rolled back) together.
 */
export async function recordAudit(db: Kysely<DB>, event: AuditEventInput): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      at: event.at.toISOString(),
      actor_user_id: event.actor?.userId ?? null,
      actor_name: event.actor ? `${event.actor.displayName} (${event.actor.username})` : "hệ thống",
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId === null ? null : String(event.entityId),
      unit_id: event.unitId,
      before_json: event.before === undefined ? null : JSON.stringify(event.before),
      after_json: event.after === undefined ? null : JSON.stringify(event.after),
      ip: event.ip ?? null,
    })
    .execute();
}

export interface AuditFilter {
  /** null: every unit (system admins); otherwise only events on these units. */
  unitIds: number[] | null;
  entityType?: string;
  action?: string;
  actor?: string;
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditEventRow {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** Newest first, filtered, with the total for paging. */
export async function listAuditEvents(
  db: Kysely<DB>,
  filter: AuditFilter,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  let query = db.selectFrom("audit_events");
  if (filter.unitIds !== null) {
    if (filter.unitIds.length === 0) return { rows: [], total: 0 };
    query = query.where("unit_id", "in", filter.unitIds);
  }
  if (filter.entityType) query = query.where("entity_type", "=", filter.entityType);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.actor) query = query.where("actor_name", "like", `%${filter.actor.replace(/[%_]/g, "")}%`);
  if (filter.from) query = query.where("at", ">=", filter.from);
  if (filter.to) query = query.where("at", "<", filter.to);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy("id", "desc").limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      unitId: r.unit_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      ip: r.ip,
    })),
  };
}
