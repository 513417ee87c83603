import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/http/errors.js";
import { authorizeOn, authorOf } from "../articles/article-access.js";
import { existingMediaIds, replaceArticleImages } from "../articles/article-images.repo.js";
import { setArticleLinks } from "../articles/article-links.repo.js";
import {
  type ArticleState,
  auditSnapshot,
  loadArticleState,
  revisionContentOf,
  sameContent,
} from "../articles/article-state.model.js";
import {
  type ArticleStore,
  afterArticleChange,
  inTransaction,
  visibleSessionIds,
} from "../articles/article-write.service.js";
import { updateArticleRow } from "../articles/articles.repo.js";
import { MESSAGES } from "../articles/articles.schema.js";
import { slugify } from "../articles/slug.rules.js";
import { ensureTags, setArticleTags } from "../articles/tags.repo.js";
import { categoryExists } from "./categories.repo.js";
import {
  AUTOSAVE_NOTE,
  findRevision,
  insertRevision,
  latestRevision,
  listRevisions,
  type RevisionRow,
} from "./revisions.repo.js";

/** The revision history of articles: recorded on every save, listed, restored. */

/**
 * Adds a revision with the article's current content, unless it equals the newest one (a save that
 * changed nothing). `force` adds it anyway: a restore is always a step of its own in the history.
 * Returns the new revision's number, or null when none was added.
 */
export async function recordRevision(
  trx: Kysely<DB>,
  articleId: number,
  by: { userId: number | null; name: string },
  options: { at: Date; note?: string | null; force?: boolean },
): Promise<number | null> {
  const state = await loadArticleState(trx, articleId);
  if (!state) return null;
  const content = revisionContentOf(state);
  const last = await latestRevision(trx, articleId);
  // A save after an autosave is a step of its own even with the same text: the history then shows
  // what was saved, not only what was being typed.
  if (last && !options.force && last.note !== AUTOSAVE_NOTE && sameContent(last, content)) return null;
  return insertRevision(trx, {
    articleId,
    ...content,
    status: state.article.status,
    author: by,
    note: options.note ?? null,
    at: options.at.toISOString(),
  });
}

/**
 * Articles written before revisions were kept (the demo, imports) have none: before their first
 * change, their state as it was is kept as revision 1 so the first edit can be compared and undone.
 */
export async function ensureBaselineRevision(trx: Kysely<DB>, before: ArticleState): Promise<void> {
  if (await latestRevision(trx, before.article.id)) return;
  await insertRevision(trx, {
    articleId: before.article.id,
    ...revisionContentOf(before),
    status: before.article.status,
    author: { userId: before.article.authorId, name: "—" },
    note: "Bản trước khi có lịch sử sửa đổi",
    at: before.article.updatedAt,
  });
}

/** Loads an article and checks the caller works on its unit's articles (403 otherwise). */
async function loadForHistory(
  db: Kysely<DB>,
  caller: ActorContext,
  articleId: number,
): Promise<ArticleState> {
  const state = await loadArticleState(db, articleId);
  if (!state) throw new NotFoundError("Không tìm thấy bài viết.");
  // Everyone who writes for the unit may read the history; changing it goes through `article.update`.
  authorizeOn(caller, "article.create", state.article);
  return state;
}

/** An article's revisions, newest first, for those who work on its unit's articles. */
export async function listArticleRevisions(
  db: Kysely<DB>,
  caller: ActorContext,
  articleId: number,
): Promise<{ state: ArticleState; revisions: RevisionRow[] }> {
  const state = await loadForHistory(db, caller, articleId);
  return { state, revisions: await listRevisions(db, articleId) };
}

/** One revision and the one before it (null for the first), for the comparison page. */
export async function getRevisionPair(
  db: Kysely<DB>,
  caller: ActorContext,
  articleId: number,
  number: number,
): Promise<{ state: ArticleState; revision: RevisionRow; previous: RevisionRow | null }> {
  const state = await loadForHistory(db, caller, articleId);
  const revision = await findRevision(db, articleId, number);
  if (!revision) throw new NotFoundError(MESSAGES.revisionUnknown);
  const previous = number > 1 ? ((await findRevision(db, articleId, number - 1)) ?? null) : null;
  return { state, revision, previous };
}

/**
 * Puts an old revision's content back: title, lead, body, category, tags, linked sessions and units,
 * and photos (those still in the library). The slug, owning unit, status and publish time stay as
 * they are: addresses and the workflow are not part of the content. Nothing is deleted: the result
 * is a new revision noted "Khôi phục phiên bản N". Needs `article.update` (editors; writers on their
 * own drafts). Audited as "restore".
 */
export async function restoreRevision(
  store: ArticleStore,
  caller: ActorContext,
  articleId: number,
  number: number,
): Promise<number> {
  const before = await loadArticleState(store.db, articleId);
  if (!before) throw new NotFoundError("Không tìm thấy bài viết.");
  authorizeOn(caller, "article.update", before.article);
  const revision = await findRevision(store.db, articleId, number);
  if (!revision) throw new NotFoundError(MESSAGES.revisionUnknown);
  const { fields } = revision;
  const categoryId =
    fields.categoryId !== null && (await categoryExists(store.db, fields.categoryId))
      ? fields.categoryId
      : null;
  const sessionIds = await visibleSessionIds(store.db, caller, fields.sessionIds);
  const linkedUnitIds = fields.linkedUnitIds.filter((id) => caller.hierarchy.unit(id));
  const media = await existingMediaIds(
    store.db,
    fields.images.map((i) => i.mediaId),
  );

  return inTransaction(store, [], async (trx) => {
    await ensureBaselineRevision(trx, before);
    const { article } = before;
    await updateArticleRow(
      trx,
      articleId,
      {
        slug: article.slug,
        title: revision.title,
        lead: revision.lead,
        bodyHtml: revision.bodyHtml,
        status: article.status,
        publishedAt: article.publishedAt,
        unitId: article.unitId,
        categoryId,
      },
      caller.now,
    );
    const tags = fields.tags.map((name) => ({ name, slug: slugify(name) })).filter((t) => t.slug !== "");
    await setArticleTags(trx, articleId, await ensureTags(trx, tags, caller.now));
    await setArticleLinks(trx, articleId, { sessionIds, unitIds: linkedUnitIds });
    await replaceArticleImages(
      trx,
      articleId,
      fields.images.filter((i) => media.has(i.mediaId)),
    );
    const created = (await recordRevision(trx, articleId, authorOf(caller), {
      at: caller.now,
      note: `Khôi phục phiên bản ${number}`,
      force: true,
    })) as number;
    const after = (await loadArticleState(trx, articleId)) as ArticleState;
    await recordAudit(trx, {
      actor: caller.actor,
      action: "restore",
      entityType: "article",
      entityId: articleId,
      unitId: article.unitId,
      before: auditSnapshot(before),
      after: { ...auditSnapshot(after), restoredFrom: number, revision: created },
      ip: caller.ip,
      at: caller.now,
    });
    await afterArticleChange(trx, articleId);
    return created;
  });
}
