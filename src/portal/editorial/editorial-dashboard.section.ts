/** The dashboard's cards of the editor's area: articles waiting for review, articles scheduled. */
import type { DashboardCard } from "../../accounts/dashboard.extension.js";
import { canAnywhere } from "../../core/access/policy.js";
import { editableUnitIds } from "../articles/article-access.js";
import type { ArticleStatus } from "../articles/article-workflow.rules.js";
import { ADMIN_ARTICLES } from "./article-review.views.js";
import { STATUS_PARAMS } from "./articles-admin.views.js";
import { countArticlesOfUnits } from "./editor.repo.js";

/** A card counting the articles of one status in the list the editor's area shows for that status. */
function articlesCard(key: string, label: string, status: ArticleStatus): DashboardCard {
  return {
    key,
    label,
    href: `${ADMIN_ARTICLES}?trang-thai=${STATUS_PARAMS[status]}`,
    // Whoever may open the editor's area (editor-request.ts).
    applies: (ctx) => canAnywhere(ctx.actor, "article.create", ctx.today),
    count: (ctx, db) => countArticlesOfUnits(db, editableUnitIds(ctx), status),
  };
}

export const articlesInReviewCard = articlesCard("articles.submitted", "Bài viết chờ duyệt", "submitted");
export const articlesScheduledCard = articlesCard("articles.scheduled", "Bài viết hẹn giờ đăng", "scheduled");
