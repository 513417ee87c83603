/**
 * The editorial workflow of an article, as pure rules: its statuses, which transition leads where,
 * and when readers may see it. No I/O: the service loads the facts and applies what this returns.
 *
 *   draft ──submit──▶ submitted ──publish──▶ published (time has come) / scheduled (time in future)
 *     ▲                  │                       │
 *     └──────return──────┘                       └──unpublish──▶ unpublished ──publish──▶ …
 *
 * A returned article is a draft again, with the editor's comment in the review trail.
 */

export const ARTICLE_STATUSES = ["draft", "submitted", "scheduled", "published", "unpublished"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export function isArticleStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
}

/** Vietnamese names of the statuses, as editors and writers read them. */
export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: "Bản nháp",
  submitted: "Chờ duyệt",
  scheduled: "Hẹn giờ đăng",
  published: "Đã đăng",
  unpublished: "Đã gỡ",
};

/**
 * Statuses whose articles readers see once `published_at <= now`. "scheduled" is here so that an
 * article shows at its moment even if the publishing job has not run yet.
 */
export const READER_VISIBLE_STATUSES: readonly ArticleStatus[] = ["published", "scheduled"];

/** True when a reader may see the article at `now`. */
export function isVisibleToReaders(
  article: { status: string; publishedAt: string | null },
  now: Date,
): boolean {
  return (
    (READER_VISIBLE_STATUSES as readonly string[]).includes(article.status) &&
    article.publishedAt !== null &&
    article.publishedAt <= now.toISOString()
  );
}

export type Transition = "submit" | "publish" | "return" | "unpublish";

/** The permission each transition needs: writers may submit their own drafts, the rest is an editor's. */
export const TRANSITION_ACTION = {
  submit: "article.update",
  publish: "article.publish",
  return: "article.publish",
  unpublish: "article.publish",
} as const satisfies Record<Transition, string>;

/** Why a transition is refused, in words for the person who tried it (shown with a 409). */
export const TRANSITION_REFUSALS = {
  submitNotDraft: "Chỉ gửi duyệt được bài đang là bản nháp.",
  alreadySubmitted: "Bài đã được gửi duyệt, đang chờ biên tập viên xem xét.",
  alreadyPublished: "Bài đã được đăng.",
  returnNotSubmitted: "Chỉ trả lại được bài đang chờ duyệt.",
  unpublishNotPublished: "Bài chưa được đăng nên không thể gỡ.",
} as const;

export type TransitionResult = { ok: true; status: ArticleStatus } | { ok: false; message: string };

/** "published" when the time has come (or none is set: now), "scheduled" for a future moment. */
export function publishedOrScheduled(publishAt: Date | string | null, now: Date): "published" | "scheduled" {
  if (publishAt === null) return "published";
  const at = typeof publishAt === "string" ? new Date(publishAt) : publishAt;
  return at.getTime() > now.getTime() ? "scheduled" : "published";
}

/**
 * Where `transition` takes an article in `from`. For "publish", `publishAt` is the moment chosen
 * (null: now): a future moment schedules the article instead of publishing it.
 */
export function applyTransition(
  from: ArticleStatus,
  transition: Transition,
  context: { publishAt: Date | null; now: Date },
): TransitionResult {
  switch (transition) {
    case "submit":
      if (from === "draft") return { ok: true, status: "submitted" };
      return {
        ok: false,
        message:
          from === "submitted" ? TRANSITION_REFUSALS.alreadySubmitted : TRANSITION_REFUSALS.submitNotDraft,
      };
    case "publish": {
      const status = publishedOrScheduled(context.publishAt, context.now);
      // Publishing again is refused; moving a published article to a later moment is a reschedule.
      if (from === "published" && status === "published")
        return { ok: false, message: TRANSITION_REFUSALS.alreadyPublished };
      return { ok: true, status };
    }
    case "return":
      if (from === "submitted") return { ok: true, status: "draft" };
      return { ok: false, message: TRANSITION_REFUSALS.returnNotSubmitted };
    case "unpublish":
      if (from === "published" || from === "scheduled") return { ok: true, status: "unpublished" };
      return { ok: false, message: TRANSITION_REFUSALS.unpublishNotPublished };
  }
}

/**
 * The status after an editor saves a published or scheduled article with a (possibly new) publish
 * time: moving it into the future schedules it, moving a scheduled one to the past publishes it.
 * Other statuses do not change by saving.
 */
export function statusAfterSave(status: ArticleStatus, publishedAt: string | null, now: Date): ArticleStatus {
  if (status !== "published" && status !== "scheduled") return status;
  return publishedOrScheduled(publishedAt, now);
}

/** True when the scheduled article's moment has come and the job should publish it. */
export function isDue(article: { status: string; publishedAt: string | null }, now: Date): boolean {
  return (
    article.status === "scheduled" && article.publishedAt !== null && article.publishedAt <= now.toISOString()
  );
}

/** The audit action name of a transition's outcome. */
export function auditActionOf(transition: Transition, to: ArticleStatus): string {
  if (transition === "publish") return to === "scheduled" ? "schedule" : "publish";
  return transition;
}
