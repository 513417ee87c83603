/**
 * Drafting the portal article of a held working session from its record: the session (sessions), the
 * host's figures as its evaluation narrative says them (targets, with the rank and awards emulation
 * holds), the numbered conclusions (conclusions), the proposals (directives) and its photos; saved as a
 * draft in the portal's editorial workflow, linked to the session and its units, in one transaction
 * with its audit events. Only the host unit's editors and leaders may draft.
 */
import type { Kysely } from "kysely";
import { findNotice, listNotices } from "../conclusions/conclusions.repo.js";
import type { ActorContext } from "../core/access/actor-context.js";
import { can } from "../core/access/policy.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { openFile } from "../core/files/files.service.js";
import { ConflictError, ForbiddenError } from "../core/http/errors.js";
import { AREA_LABELS, type AreaCode } from "../directives/areas.js";
import { listProposals } from "../directives/proposals/proposals.repo.js";
import { createArticle, type PhotoInput } from "../portal/articles/articles.service.js";
import type { SessionDetail } from "../sessions/sessions.model.js";
import { getSessionFor } from "../sessions/sessions.service.js";
import { evaluateUnit, narrativeFor } from "../targets/evaluation/evaluation.service.js";
import type { StandingSource } from "../targets/evaluation/standing.extension.js";
import { type ArticleDraft, draftArticle, type SessionStory } from "./session-article.rules.js";

export interface NewsroomDeps {
  db: Kysely<DB>;
  mediaDir: string;
  dataDir: string;
  /** Rank, quality level and awards for the narrative (emulation, through the app context). */
  standing: StandingSource;
}

/** May the caller draft this session's article: an editor or leader of its host unit (or above it)? */
export function mayDraftArticle(ctx: Omit<ActorContext, "now">, s: Pick<SessionDetail, "host">): boolean {
  return can(
    ctx.actor,
    "article.draft_from_session",
    { unitPath: ctx.hierarchy.pathForToday(s.host.id, ctx.today) },
    ctx.today,
  );
}

/** The session a caller may draft from: 404 when not visible, 403 without the role, 409 before it is held. */
export async function sessionToDraft(
  db: Kysely<DB>,
  sessionId: number,
  ctx: ActorContext,
): Promise<SessionDetail> {
  const s = await getSessionFor(db, sessionId, ctx);
  if (!mayDraftArticle(ctx, s))
    throw new ForbiddenError(
      "Chỉ biên tập viên hoặc lãnh đạo của đơn vị được làm việc mới soạn được tin bài.",
    );
  if (new Date(s.startsAt).getTime() > ctx.now.getTime())
    throw new ConflictError("Buổi làm việc chưa diễn ra: chưa soạn được tin bài.");
  return s;
}

/** Each evaluation presented at the session, as the paragraph its evaluation page writes (customary wording). */
async function narrativesOf(deps: NewsroomDeps, s: SessionDetail, ctx: ActorContext): Promise<string[]> {
  const texts: string[] = [];
  for (const doc of s.documents) {
    if (doc.kind !== "evaluation" || !doc.unitId || !doc.periodKey) continue;
    const input = { unitId: doc.unitId, periodKey: doc.periodKey };
    const [evaluation, standing] = await Promise.all([
      evaluateUnit(deps.db, { ...input, publicOnly: false, today: ctx.today }),
      deps.standing.standing(deps.db, { ...input, hierarchy: ctx.hierarchy, publicOnly: false }),
    ]);
    const text = narrativeFor(evaluation, "customary", standing);
    if (text) texts.push(text);
  }
  return texts;
}

/** The numbered conclusions of the session's notices, oldest notice first. */
async function conclusionsOf(db: Kysely<DB>, sessionId: number): Promise<SessionStory["conclusions"]> {
  const notices = await listNotices(db, { sessionId, issuingUnitIds: null, limit: 20 });
  const result: SessionStory["conclusions"] = [];
  for (const summary of notices.reverse()) {
    const notice = await findNotice(db, summary.id);
    for (const item of notice?.items ?? []) {
      if (item.parentItemId !== null) continue;
      const area = item.area === "other" ? null : (AREA_LABELS[item.area as AreaCode] ?? null);
      result.push({ number: item.number, area, text: item.text });
    }
  }
  return result;
}

/** The story of a session, read from every room that holds a part of it. */
export async function readSessionStory(
  deps: NewsroomDeps,
  s: SessionDetail,
  ctx: ActorContext,
): Promise<SessionStory> {
  const [narratives, conclusions, proposals] = await Promise.all([
    narrativesOf(deps, s, ctx),
    conclusionsOf(deps.db, s.id),
    listProposals(deps.db, { scope: "all", sessionId: s.id, limit: 100 }),
  ]);
  return {
    kind: s.kind,
    title: s.title,
    startsAt: s.startsAt,
    place: s.place,
    programmeYear: s.programItem?.year ?? null,
    host: { name: s.host.name, level: s.host.level, organisation: null },
    visiting: s.visiting
      ? { name: s.visiting.name, level: s.visiting.level, organisation: s.visiting.organisation }
      : null,
    chair: { name: s.chairName, title: s.chairTitle },
    attendees: s.attendees.map((a) => ({ name: a.name, title: a.title, side: a.side })),
    agenda: s.agenda.map((a) => ({ title: a.title, presenter: a.presenter })),
    narratives,
    opinions: s.opinions.map((o) => ({ speaker: o.speakerName, title: o.speakerTitle, summary: o.summary })),
    conclusions,
    proposals: proposals.map((p) => ({ topic: p.topic, answer: p.answer })),
  };
}

const PHOTO_NAME = /\.(jpe?g|png|webp)$/i;

/** The session's first photo (a file document that is an image), as the article's photo. */
async function photoOf(
  deps: NewsroomDeps,
  s: SessionDetail,
  ctx: ActorContext,
): Promise<PhotoInput | undefined> {
  const doc = s.documents.find((d) => d.kind === "file" && d.fileId && PHOTO_NAME.test(d.fileName ?? ""));
  if (!doc?.fileId) return undefined;
  const response = await openFile(deps.db, deps.dataDir, doc.fileId, ctx);
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    originalName: doc.fileName ?? "anh.jpg",
    caption: doc.title,
    altText: doc.title,
    position: 1,
  };
}

/** What the draft will say, for the preview before it is saved. */
export async function previewSessionArticle(
  deps: NewsroomDeps,
  sessionId: number,
  ctx: ActorContext,
): Promise<{ session: SessionDetail; draft: ArticleDraft }> {
  const session = await sessionToDraft(deps.db, sessionId, ctx);
  return { session, draft: draftArticle(await readSessionStory(deps, session, ctx)) };
}

/**
 * Saves the draft article of a held session (state draft, on the host unit's portal, linked to the
 * session and to the host and visiting units) with the session's first photo; audited on the article
 * (by the portal) and on the session. Returns the new article's id.
 */
export async function draftSessionArticle(
  deps: NewsroomDeps,
  sessionId: number,
  ctx: ActorContext,
): Promise<number> {
  const { session: s, draft } = await previewSessionArticle(deps, sessionId, ctx);
  const photo = await photoOf(deps, s, ctx);
  return withTransaction(deps.db, async (trx) => {
    const articleId = await createArticle(
      { db: trx, mediaDir: deps.mediaDir },
      ctx,
      {
        title: draft.title,
        slug: null,
        lead: draft.lead,
        bodyHtml: draft.bodyHtml,
        categoryId: null,
        unitId: s.host.id,
        publishedAt: null,
        tags: [],
        sessionIds: [s.id],
        linkedUnitIds: [s.host.id, ...(s.visiting ? [s.visiting.id] : [])],
        intent: "save",
      },
      { createAs: "article.draft_from_session", ...(photo ? { photo } : {}) },
    );
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "draft_from_session",
      entityType: "working_session",
      entityId: s.id,
      unitId: s.host.id,
      after: { articleId, title: draft.title },
      at: ctx.now,
      ip: ctx.ip,
    });
    return articleId;
  });
}
