/** Queries of citizens' feedback, its photos and the per-address counts. */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { unitDisplayName } from "../units/unit-labels.js";
import type { FeedbackState, FeedbackTopic, FeedbackVisibility } from "./feedback.model.js";
import type { CleanFeedback } from "./feedback-input.rules.js";

export interface FeedbackRecord {
  id: number;
  code: string;
  unitId: number;
  unitName: string;
  topic: FeedbackTopic;
  place: string;
  text: string;
  senderName: string | null;
  senderContact: string | null;
  wantsReply: boolean;
  consentAt: string;
  state: FeedbackState;
  visibility: FeedbackVisibility;
  organisationId: number | null;
  organisationName: string | null;
  answer: string | null;
  answerPublic: boolean;
  answeredAt: string | null;
  answerDue: string;
  createdAt: string;
  updatedAt: string;
  photoFileIds: number[];
}

/** A checked feedback (feedback-input.rules.ts) with what the service adds. */
export interface NewFeedback extends CleanFeedback {
  code: string;
  answerDue: string;
  senderKey: string;
  now: Date;
}

export async function insertFeedback(db: Kysely<DB>, f: NewFeedback): Promise<number> {
  const at = f.now.toISOString();
  const row = await db
    .insertInto("feedbacks")
    .values({
      code: f.code,
      unit_id: f.unitId,
      topic: f.topic,
      place: f.place,
      text: f.text,
      sender_name: f.senderName,
      sender_contact: f.senderContact,
      wants_reply: f.wantsReply ? 1 : 0,
      consent_at: at,
      state: "new",
      visibility: "visible",
      organisation_id: null,
      answer: null,
      answer_public: 0,
      answered_at: null,
      answered_by: null,
      answer_due: f.answerDue,
      sender_key: f.senderKey,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertFeedbackPhotos(
  db: Kysely<DB>,
  feedbackId: number,
  fileIds: number[],
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .insertInto("feedback_photos")
    .values(fileIds.map((fileId, position) => ({ feedback_id: feedbackId, file_id: fileId, position })))
    .execute();
}

export async function codeExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return !!(await db.selectFrom("feedbacks").select("id").where("code", "=", code).executeTakeFirst());
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom("feedbacks as f")
    .innerJoin("units as u", "u.id", "f.unit_id")
    .leftJoin("organisations as o", "o.id", "f.organisation_id")
    .selectAll("f")
    .select(["u.name as unit_name", "u.level as unit_level", "o.name as organisation_name"]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>["executeTakeFirstOrThrow"]>>;

function toRecord(r: Row, photos: number[]): FeedbackRecord {
  return {
    id: r.id,
    code: r.code,
    unitId: r.unit_id,
    unitName: unitDisplayName({ name: r.unit_name, level: r.unit_level }),
    topic: r.topic as FeedbackTopic,
    place: r.place,
    text: r.text,
    senderName: r.sender_name,
    senderContact: r.sender_contact,
    wantsReply: r.wants_reply === 1,
    consentAt: r.consent_at,
    state: r.state as FeedbackState,
    visibility: r.visibility as FeedbackVisibility,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    answer: r.answer,
    answerPublic: r.answer_public === 1,
    answeredAt: r.answered_at,
    answerDue: r.answer_due,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    photoFileIds: photos,
  };
}

async function photosOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom("feedback_photos")
    .select(["feedback_id", "file_id"])
    .where("feedback_id", "in", ids)
    .orderBy("feedback_id")
    .orderBy("position")
    .execute();
  for (const r of rows) map.set(r.feedback_id, [...(map.get(r.feedback_id) ?? []), r.file_id]);
  return map;
}

export async function findFeedbackByCode(db: Kysely<DB>, code: string): Promise<FeedbackRecord | undefined> {
  const row = await base(db).where("f.code", "=", code).executeTakeFirst();
  return row ? toRecord(row, (await photosOf(db, [row.id])).get(row.id) ?? []) : undefined;
}

export interface FeedbackFilter {
  /** The units whose queues the caller may read ("all" for a system admin). */
  scope: "all" | number[];
  unitId?: number;
  state?: FeedbackState;
  topic?: FeedbackTopic;
  visibility?: FeedbackVisibility;
  /** Waiting for an answer and past its deadline on this day (hidden and spam ones left out). */
  overdueOn?: string;
  /** Waiting for an answer: new or in progress, and not hidden or spam (the dashboard card's list). */
  waiting?: boolean;
  limit?: number;
}

const OPEN: FeedbackState[] = ["new", "in_progress"];

function filtered(db: Kysely<DB>, filter: FeedbackFilter) {
  let q = base(db);
  if (filter.scope !== "all") {
    if (filter.scope.length === 0) return null;
    q = q.where("f.unit_id", "in", filter.scope);
  }
  if (filter.unitId !== undefined) q = q.where("f.unit_id", "=", filter.unitId);
  if (filter.state) q = q.where("f.state", "=", filter.state);
  if (filter.topic) q = q.where("f.topic", "=", filter.topic);
  if (filter.visibility) q = q.where("f.visibility", "=", filter.visibility);
  if (filter.overdueOn)
    q = q
      .where("f.state", "in", OPEN)
      .where("f.visibility", "=", "visible")
      .where("f.answer_due", "<", filter.overdueOn);
  if (filter.waiting) q = q.where("f.state", "in", OPEN).where("f.visibility", "=", "visible");
  return q;
}

/** The feedbacks of the queues in scope, newest first. */
export async function listFeedbacks(db: Kysely<DB>, filter: FeedbackFilter): Promise<FeedbackRecord[]> {
  const q = filtered(db, filter);
  if (!q) return [];
  const rows = await q
    .orderBy("f.created_at", "desc")
    .orderBy("f.id", "desc")
    .limit(filter.limit ?? 500)
    .execute();
  const photos = await photosOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, photos.get(r.id) ?? []));
}

/** How many rows {@link listFeedbacks} would give for the same filter (no limit). */
export async function countFeedbacks(db: Kysely<DB>, filter: FeedbackFilter): Promise<number> {
  const q = filtered(db, filter);
  if (!q) return 0;
  const row = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The answers the wards chose to publish, newest first (the public Q&A list). */
export async function listPublishedAnswers(
  db: Kysely<DB>,
  options: { unitId?: number; limit: number },
): Promise<FeedbackRecord[]> {
  let q = base(db)
    .where("f.answer_public", "=", 1)
    .where("f.visibility", "=", "visible")
    .where("f.answer", "is not", null);
  if (options.unitId !== undefined) q = q.where("f.unit_id", "=", options.unitId);
  const rows = await q
    .orderBy("f.answered_at", "desc")
    .orderBy("f.id", "desc")
    .limit(options.limit)
    .execute();
  return rows.map((r) => toRecord(r, []));
}

export interface FeedbackPatch {
  state?: FeedbackState;
  visibility?: FeedbackVisibility;
  organisationId?: number | null;
  answer?: string | null;
  answerPublic?: boolean;
  answeredAt?: string | null;
  answeredBy?: number | null;
}

export async function updateFeedback(
  db: Kysely<DB>,
  id: number,
  patch: FeedbackPatch,
  now: Date,
): Promise<void> {
  await db
    .updateTable("feedbacks")
    .set({
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.visibility !== undefined ? { visibility: patch.visibility } : {}),
      ...(patch.organisationId !== undefined ? { organisation_id: patch.organisationId } : {}),
      ...(patch.answer !== undefined ? { answer: patch.answer } : {}),
      ...(patch.answerPublic !== undefined ? { answer_public: patch.answerPublic ? 1 : 0 } : {}),
      ...(patch.answeredAt !== undefined ? { answered_at: patch.answeredAt } : {}),
      ...(patch.answeredBy !== undefined ? { answered_by: patch.answeredBy } : {}),
      updated_at: now.toISOString(),
    })
    .where("id", "=", id)
    .execute();
}

/** A sender's feedbacks since each instant (the per-address limit). */
export async function senderStats(
  db: Kysely<DB>,
  senderKey: string,
  hourAgo: string,
  dayAgo: string,
): Promise<{ lastHour: number; oldestInHour: string | null; lastDay: number; oldestInDay: string | null }> {
  const rows = await db
    .selectFrom("feedbacks")
    .select("created_at")
    .where("sender_key", "=", senderKey)
    .where("created_at", ">", dayAgo)
    .orderBy("created_at")
    .execute();
  const inHour = rows.filter((r) => r.created_at > hourAgo);
  return {
    lastHour: inHour.length,
    oldestInHour: inHour[0]?.created_at ?? null,
    lastDay: rows.length,
    oldestInDay: rows[0]?.created_at ?? null,
  };
}
