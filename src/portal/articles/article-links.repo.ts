import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** Links of an article to the working sessions it reports on and to the units it is about. */

export interface ArticleLinks {
  sessionIds: number[];
  unitIds: number[];
}

export interface SessionChoice {
  id: number;
  title: string;
  /** ISO instant. */
  startsAt: string;
  place: string;
}

/** Makes the article's linked sessions and units exactly these. */
export async function setArticleLinks(db: Kysely<DB>, articleId: number, links: ArticleLinks): Promise<void> {
  await db.deleteFrom("article_sessions").where("article_id", "=", articleId).execute();
  await db.deleteFrom("article_units").where("article_id", "=", articleId).execute();
  const sessions = [...new Set(links.sessionIds)];
  const units = [...new Set(links.unitIds)];
  if (sessions.length > 0)
    await db
      .insertInto("article_sessions")
      .values(sessions.map((id) => ({ article_id: articleId, session_id: id })))
      .execute();
  if (units.length > 0)
    await db
      .insertInto("article_units")
      .values(units.map((id) => ({ article_id: articleId, unit_id: id })))
      .execute();
}

/** The sessions and units linked to an article, each in id order. */
export async function findArticleLinks(db: Kysely<DB>, articleId: number): Promise<ArticleLinks> {
  const [sessions, units] = await Promise.all([
    db
      .selectFrom("article_sessions")
      .select("session_id")
      .where("article_id", "=", articleId)
      .orderBy("session_id")
      .execute(),
    db
      .selectFrom("article_units")
      .select("unit_id")
      .where("article_id", "=", articleId)
      .orderBy("unit_id")
      .execute(),
  ]);
  return { sessionIds: sessions.map((r) => r.session_id), unitIds: units.map((r) => r.unit_id) };
}

/** Working sessions linked to an article, newest first: for the article page ("Buổi làm việc liên quan"). */
export async function listSessionsOfArticle(db: Kysely<DB>, articleId: number): Promise<SessionChoice[]> {
  return db
    .selectFrom("article_sessions")
    .innerJoin("working_sessions", "working_sessions.id", "article_sessions.session_id")
    .select([
      "working_sessions.id",
      "working_sessions.title",
      "working_sessions.starts_at as startsAt",
      "working_sessions.place",
    ])
    .where("article_sessions.article_id", "=", articleId)
    .orderBy("working_sessions.starts_at", "desc")
    .execute();
}

/** Ids of published-or-not articles linked to a unit (for the unit pages, which filter by visibility). */
export async function listArticleIdsOfUnit(db: Kysely<DB>, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("article_units")
    .select("article_id")
    .where("unit_id", "=", unitId)
    .execute();
  return rows.map((r) => r.article_id);
}

/**
 * Sessions an editor may link: the newest `limit` held by or with the given units (`"all"`: any),
 * plus the ones already linked (`alsoIds`) so a link never disappears from the form.
 */
export async function listSessionChoices(
  db: Kysely<DB>,
  scope: { unitIds: number[] | "all"; limit: number; alsoIds: number[] },
): Promise<SessionChoice[]> {
  const select = () =>
    db
      .selectFrom("working_sessions")
      .select(["id", "title", "starts_at as startsAt", "place"])
      .orderBy("starts_at", "desc")
      .orderBy("id", "desc");
  let recent = select();
  if (scope.unitIds !== "all") {
    if (scope.unitIds.length === 0) recent = recent.where("id", "=", -1);
    else {
      const ids = scope.unitIds;
      recent = recent.where((eb) => eb.or([eb("owner_unit_id", "in", ids), eb("host_unit_id", "in", ids)]));
    }
  }
  const rows = await recent.limit(scope.limit).execute();
  const missing = scope.alsoIds.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) rows.push(...(await select().where("id", "in", missing).execute()));
  return rows;
}

/** Which of these session ids exist. */
export async function existingSessionIds(db: Kysely<DB>, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("working_sessions").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}

/** The units each of these sessions belongs to (its owner and host), for the reading rule. */
export async function sessionUnitsOf(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, { ownerUnitId: number; hostUnitId: number }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("working_sessions")
    .select(["id", "owner_unit_id", "host_unit_id"])
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { ownerUnitId: r.owner_unit_id, hostUnitId: r.host_unit_id }]));
}

/** Titles of these working sessions ("… (02/01/2020)" is added by the caller). */
export async function sessionTitles(db: Kysely<DB>, ids: number[]): Promise<Map<number, SessionChoice>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("working_sessions")
    .select(["id", "title", "starts_at as startsAt", "place"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
