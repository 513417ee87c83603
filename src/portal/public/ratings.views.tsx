import { formatViNumber } from "../../core/format/vi-number.js";
import { CsrfInput } from "../../core/views/forms.js";
import {
  RATING_CHOICES,
  type RatingScore,
  type RatingSummary,
  ratingLabel,
  sharePercent,
} from "./ratings.rules.js";

/** The satisfaction rating under an article: a three-choice form and the results so far. */

export function ratingAction(slug: string): string {
  return `/tin-tuc/${encodeURIComponent(slug)}/danh-gia`;
}

/** Messages after a rating (`?danh-gia=…` in the address the form redirects to). */
export const RATING_NOTICES: Record<string, string> = {
  "da-ghi": "Cảm ơn bạn đã đánh giá.",
  "chua-chon": "Vui lòng chọn một mức đánh giá trước khi gửi.",
};

export function RatingSection({
  slug,
  summary,
  mine,
  csrfToken,
  notice,
}: {
  slug: string;
  summary: RatingSummary;
  /** This visitor's earlier rating: shown checked, and it can be changed. */
  mine: RatingScore | null;
  csrfToken: string;
  notice?: string | undefined;
}) {
  const isError = notice === RATING_NOTICES["chua-chon"];
  return (
    <section class="article-rating" aria-labelledby="danh-gia" id="danh-gia-bai">
      <h2 id="danh-gia">Đánh giá bài viết</h2>
      {notice ? (
        <p class={isError ? "field-error" : "notice"} role={isError ? "alert" : "status"}>
          {notice}
        </p>
      ) : null}
      <form method="post" action={ratingAction(slug)}>
        <CsrfInput token={csrfToken} />
        <fieldset>
          <legend>Bạn có hài lòng với thông tin trong bài viết này không?</legend>
          {RATING_CHOICES.map((choice) => (
            <div class="checkbox-field">
              <input
                type="radio"
                id={`danh-gia-${choice.score}`}
                name="muc"
                value={String(choice.score)}
                checked={mine === choice.score}
              />
              <label for={`danh-gia-${choice.score}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
        {mine !== null ? (
          <p class="hint">Bạn đã chọn “{ratingLabel(mine)}”; gửi lại để đổi đánh giá.</p>
        ) : null}
        <button type="submit" class="button primary">
          Gửi đánh giá
        </button>
      </form>
      <RatingResults summary={summary} />
    </section>
  );
}

export function RatingResults({ summary }: { summary: RatingSummary }) {
  if (summary.total === 0) return <p class="muted">Chưa có lượt đánh giá nào.</p>;
  return (
    <div class="rating-results">
      <p>Kết quả ({formatViNumber(summary.total)} lượt đánh giá):</p>
      <ul class="plain-list">
        {RATING_CHOICES.map((choice) => (
          <li>
            {choice.label}: {formatViNumber(summary.counts[choice.score])} (
            {sharePercent(summary, choice.score)}%)
          </li>
        ))}
      </ul>
    </div>
  );
}
