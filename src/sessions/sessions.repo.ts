/** Queries of working sessions and their attendees, agenda, documents and opinions. */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { SessionDetail, SessionInput, SessionSummary } from "./sessions.model.js";

function sessionValues(s: SessionInput, ownerUnitId: number) {
  return {
    kind: s.kind,
    title: s.title,
    program_item_id: s.programItemId ?? null,
    owner_unit_id: ownerUnitId,
    host_unit_id: s.hostUnitId,
    host_organisation_id: s.hostOrganisationId ?? null,
    visiting_unit_id: s.visitingUnitId ?? null,
    visiting_organisation_id: s.visitingOrganisationId ?? null,
    starts_at: s.startsAt,
    ends_at: s.endsAt ?? null,
    place: s.place,
    chair_person_id: s.chairPersonId ?? null,
    chair_name: s.chairName,
    chair_title: s.chairTitle ?? null,
    minutes: s.minutes ?? null,
  };
}

export async function insertSession(
  db: Kysely<DB>,
  s: SessionInput,
  ownerUnitId: number,
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto("working_sessions")
    .values({ ...sessionValues(s, ownerUnitId), created_by: createdBy, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceChildren(db, row.id, s);
  return row.id;
}

export async function updateSession(
  db: Kysely<DB>,
  id: number,
  s: SessionInput,
  ownerUnitId: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable("working_sessions")
    .set({ ...sessionValues(s, ownerUnitId), updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
  await replaceChildren(db, id, s);
}

/** Attendees, agenda, documents and opinions are edited as whole lists: replaced in one go. */
async function replaceChildren(db: Kysely<DB>, sessionId: number, s: SessionInput): Promise<void> {
  for (const t of [
    "session_attendees",
    "session_agenda_items",
    "session_documents",
    "session_opinions",
  ] as const) {
    await db.deleteFrom(t).where("session_id", "=", sessionId).execute();
  }
  if (s.attendees.length > 0) {
    await db
      .insertInto("session_attendees")
      .values(
        s.attendees.map((a, i) => ({
          session_id: sessionId,
          person_id: a.personId ?? null,
          position_id: a.positionId ?? null,
          name: a.name,
          title: a.title ?? null,
          unit_id: a.unitId ?? null,
          organisation_id: a.organisationId ?? null,
          side: a.side,
          sort_order: i,
        })),
      )
      .execute();
  }
  if (s.agenda.length > 0) {
    await db
      .insertInto("session_agenda_items")
      .values(
        s.agenda.map((a, i) => ({
          session_id: sessionId,
          title: a.title,
          presenter: a.presenter ?? null,
          sort_order: i,
        })),
      )
      .execute();
  }
  if (s.documents.length > 0) {
    await db
      .insertInto("session_documents")
      .values(
        s.documents.map((d, i) => ({
          session_id: sessionId,
          title: d.title,
          kind: d.kind,
          unit_id: d.unitId ?? null,
          period_key: d.periodKey ?? null,
          file_id: d.fileId ?? null,
          sort_order: i,
        })),
      )
      .execute();
  }
  if (s.opinions.length > 0) {
    await db
      .insertInto("session_opinions")
      .values(
        s.opinions.map((o, i) => ({
          session_id: sessionId,
          person_id: o.personId ?? null,
          speaker_name: o.speakerName,
          speaker_title: o.speakerTitle ?? null,
          organisation_id: o.organisationId ?? null,
          summary: o.summary,
          sort_order: i,
        })),
      )
      .execute();
  }
}

function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom("working_sessions as s")
    .innerJoin("units as h", "h.id", "s.host_unit_id")
    .leftJoin("units as v", "v.id", "s.visiting_unit_id")
    .leftJoin("organisations as vo", "vo.id", "s.visiting_organisation_id")
    .select([
      "s.id",
      "s.kind",
      "s.title",
      "s.starts_at",
      "s.ends_at",
      "s.place",
      "s.chair_name",
      "s.owner_unit_id",
      "s.host_unit_id",
      "s.visiting_unit_id",
      "h.name as host_name",
      "h.level as host_level",
      "v.name as visiting_name",
      "v.level as visiting_level",
      "vo.name as visiting_org_name",
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

function toSummary(r: SummaryRow): SessionSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    chairName: r.chair_name,
    ownerUnitId: r.owner_unit_id,
    host: { id: r.host_unit_id, name: r.host_name, level: r.host_level },
    visiting: r.visiting_unit_id
      ? {
          id: r.visiting_unit_id,
          name: r.visiting_name ?? "",
          level: r.visiting_level ?? "",
          organisation: r.visiting_org_name,
        }
      : null,
  };
}

export interface SessionFilter {
  /** Units the caller may read: a session is visible when its owner or host unit is. */
  scope: "all" | number[];
  hostUnitId?: number;
  /** ISO instants, from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit: number;
}

export async function listSessions(db: Kysely<DB>, f: SessionFilter): Promise<SessionSummary[]> {
  if (f.scope !== "all" && f.scope.length === 0) return [];
  let q = summaryQuery(db);
  if (f.scope !== "all") {
    const scope = f.scope;
    q = q.where((eb) => eb.or([eb("s.owner_unit_id", "in", scope), eb("s.host_unit_id", "in", scope)]));
  }
  if (f.hostUnitId !== undefined) q = q.where("s.host_unit_id", "=", f.hostUnitId);
  if (f.from) q = q.where("s.starts_at", ">=", f.from);
  if (f.to) q = q.where("s.starts_at", "<", f.to);
  const rows = await q.orderBy("s.starts_at", "desc").limit(f.limit).execute();
  return rows.map(toSummary);
}

export async function findSession(db: Kysely<DB>, id: number): Promise<SessionDetail | undefined> {
  const row = await summaryQuery(db)
    .leftJoin("work_program_items as p", "p.id", "s.program_item_id")
    .select([
      "p.title as program_title",
      "p.year as program_year",
      "p.planned_month as program_month",
      "s.program_item_id",
      "s.host_organisation_id",
      "s.visiting_organisation_id",
      "s.chair_person_id",
      "s.chair_title",
      "s.minutes",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [attendees, agenda, documents, opinions] = await Promise.all([
    db
      .selectFrom("session_attendees")
      .selectAll()
      .where("session_id", "=", id)
      .orderBy("sort_order")
      .execute(),
    db
      .selectFrom("session_agenda_items")
      .selectAll()
      .where("session_id", "=", id)
      .orderBy("sort_order")
      .execute(),
    db
      .selectFrom("session_documents as d")
      .leftJoin("session_files as f", "f.id", "d.file_id")
      .selectAll("d")
      .select(["f.original_name as file_name"])
      .where("d.session_id", "=", id)
      .orderBy("d.sort_order")
      .execute(),
    db
      .selectFrom("session_opinions")
      .selectAll()
      .where("session_id", "=", id)
      .orderBy("sort_order")
      .execute(),
  ]);
  return {
    ...toSummary(row),
    programItemId: row.program_item_id,
    programItem:
      row.program_item_id !== null && row.program_title !== null && row.program_year !== null
        ? {
            id: row.program_item_id,
            title: row.program_title,
            year: row.program_year,
            plannedMonth: row.program_month,
          }
        : null,
    hostOrganisationId: row.host_organisation_id,
    visitingOrganisationId: row.visiting_organisation_id,
    chairPersonId: row.chair_person_id,
    chairTitle: row.chair_title,
    minutes: row.minutes,
    attendees: attendees.map((a) => ({
      personId: a.person_id,
      positionId: a.position_id,
      name: a.name,
      title: a.title,
      unitId: a.unit_id,
      organisationId: a.organisation_id,
      side: a.side as "visiting" | "host" | "other",
    })),
    agenda: agenda.map((a) => ({ title: a.title, presenter: a.presenter })),
    documents: documents.map((d) => ({
      title: d.title,
      kind: d.kind as "evaluation" | "file" | "other",
      unitId: d.unit_id,
      periodKey: d.period_key,
      fileId: d.file_id,
      fileName: d.file_name,
    })),
    opinions: opinions.map((o) => ({
      personId: o.person_id,
      speakerName: o.speaker_name,
      speakerTitle: o.speaker_title,
      organisationId: o.organisation_id,
      summary: o.summary,
    })),
  };
}

/** The ids among `ids` that are units. */
export async function existingUnitIds(db: Kysely<DB>, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("units").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}

/** Sessions held with `hostUnitId` before `before` (ISO instant), newest first. */
export async function earlierSessionsWith(
  db: Kysely<DB>,
  hostUnitId: number,
  before: string,
  limit: number,
): Promise<{ id: number; title: string; startsAt: string }[]> {
  const rows = await db
    .selectFrom("working_sessions")
    .select(["id", "title", "starts_at"])
    .where("host_unit_id", "=", hostUnitId)
    .where("starts_at", "<", before)
    .orderBy("starts_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((s) => ({ id: s.id, title: s.title, startsAt: s.starts_at }));
}

/** Who a session belongs to and whom it was held with, for checks that need no more. */
export async function sessionParties(
  db: Kysely<DB>,
  id: number,
): Promise<{ ownerUnitId: number; hostUnitId: number; hostOrganisationId: number | null } | undefined> {
  const row = await db
    .selectFrom("working_sessions")
    .select(["owner_unit_id", "host_unit_id", "host_organisation_id"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row
    ? {
        ownerUnitId: row.owner_unit_id,
        hostUnitId: row.host_unit_id,
        hostOrganisationId: row.host_organisation_id,
      }
    : undefined;
}
