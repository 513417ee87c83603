import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { DB } from "../../core/db/schema.js";
import { canOnArticle, editableUnitIds } from "../articles/article-access.js";
import type { ArticleStatus } from "../articles/article-workflow.rules.js";
import { latestReviews, type ReviewRow } from "./article-reviews.repo.js";
import { type EditorArticleRow, listArticlesOfUnits } from "./editor.repo.js";

/** The editor's list of articles: what the caller may work on, and what they may do to each. */

export interface EditorListItem extends EditorArticleRow {
  canEdit: boolean;
  canDelete: boolean;
  /** The newest review event: a draft whose last event is "return" was sent back with a comment. */
  lastReview: ReviewRow | null;
}

/** One page of the articles the caller may work on, with what they may do to each. */
export async function listEditorArticles(
  db: Kysely<DB>,
  caller: ActorContext,
  page: { limit: number; offset: number; status?: ArticleStatus },
): Promise<{ rows: EditorListItem[]; total: number; counts: Record<ArticleStatus, number> }> {
  const { rows, total, counts } = await listArticlesOfUnits(db, {
    unitIds: editableUnitIds(caller),
    ...page,
  });
  const reviews = await latestReviews(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    counts,
    rows: rows.map((row) => ({
      ...row,
      canEdit: canOnArticle(caller, "article.update", row),
      canDelete: canOnArticle(caller, "article.delete", row),
      lastReview: reviews.get(row.id) ?? null,
    })),
  };
}
