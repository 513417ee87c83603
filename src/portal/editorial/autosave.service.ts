import type { ActorContext } from "../../core/access/actor-context.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { NotFoundError, ValidationError } from "../../core/http/errors.js";
import { authorizeOn, authorOf } from "../articles/article-access.js";
import { loadArticleState, revisionContentOf, sameContent } from "../articles/article-state.model.js";
import { type ArticleStore, cleanBody } from "../articles/article-write.service.js";
import { bodySchema, fieldError, leadSchema, titleSchema } from "../articles/articles.schema.js";
import {
  AUTOSAVE_NOTE,
  insertRevision,
  latestRevision,
  type RevisionRow,
  updateRevisionText,
} from "./revisions.repo.js";
import { ensureBaselineRevision } from "./revisions.service.js";

/**
 * The editor's autosave: what is being typed (title, summary, body) kept as a draft revision noted
 * "Tự động lưu", without touching the article, so a published article never shows half-written
 * text. One rolling autosave per writer: while the newest revision is that writer's autosave it is
 * rewritten in place; a save of the form then adds a revision of its own (revisions.service).
 */

export interface AutosaveDraft {
  title: string;
  lead: string;
  bodyHtml: string;
}

/** True for the rolling autosave revision of this user. */
export function isAutosaveOf(revision: RevisionRow | undefined, userId: number): boolean {
  return revision?.note === AUTOSAVE_NOTE && revision.authorUserId === userId;
}

/**
 * Keeps the draft as the article's newest revision (422 with field messages when it could not be
 * saved by the form either; 403 for a caller who may not change the article). Audited as
 * "autosave" with the revision's number.
 */
export async function autosaveArticle(
  store: ArticleStore,
  caller: ActorContext,
  articleId: number,
  draft: AutosaveDraft,
): Promise<{ savedAt: string; revision: number | null }> {
  const state = await loadArticleState(store.db, articleId);
  if (!state) throw new NotFoundError("Không tìm thấy bài viết.");
  authorizeOn(caller, "article.update", state.article);
  const fields: Record<string, string> = {};
  for (const [name, schema, value] of [
    ["title", titleSchema, draft.title],
    ["lead", leadSchema, draft.lead],
    ["bodyHtml", bodySchema, draft.bodyHtml],
  ] as const) {
    const message = fieldError(schema, value);
    if (message) fields[name] = message;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const lead = draft.lead.trim();
  const content = {
    ...revisionContentOf(state),
    title: draft.title.trim(),
    lead: lead === "" ? null : lead,
    bodyHtml: await cleanBody(draft.bodyHtml),
  };
  const at = caller.now.toISOString();
  const author = authorOf(caller);

  return store.db.transaction().execute(async (trx) => {
    await ensureBaselineRevision(trx, state);
    const last = await latestRevision(trx, articleId);
    let revision: number | null;
    if (last && isAutosaveOf(last, author.userId)) {
      if (sameContent(last, content)) return { savedAt: last.createdAt, revision: last.number };
      await updateRevisionText(trx, last.id, { ...content, at });
      revision = last.number;
    } else if (last && sameContent(last, content)) {
      return { savedAt: at, revision: null };
    } else {
      revision = await insertRevision(trx, {
        articleId,
        ...content,
        status: state.article.status,
        author,
        note: AUTOSAVE_NOTE,
        at,
      });
    }
    await recordAudit(trx, {
      actor: caller.actor,
      action: "autosave",
      entityType: "article",
      entityId: articleId,
      unitId: state.article.unitId,
      after: { revision, title: content.title },
      ip: caller.ip,
      at: caller.now,
    });
    return { savedAt: at, revision };
  });
}
