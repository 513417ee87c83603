import { formatDateVi } from "../../core/format/vi-date.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import type { MostReadRow } from "./most-read.repo.js";
import { MOST_READ_PERIODS, type MostReadPeriod } from "./most-read.rules.js";
import type { MostReadBoxData } from "./most-read.service.js";
import { articleHref } from "./public-components.views.js";

/** The "Đọc nhiều nhất" page (one period at a time) and the short box beside the news. */

export function mostReadHref(period: MostReadPeriod): string {
  return `/doc-nhieu-nhat?ky=${period}`;
}

function RankedList({ rows, showViews }: { rows: MostReadRow[]; showViews: boolean }) {
  return (
    <ol class="most-read-list">
      {rows.map((row) => (
        <li>
          <a href={articleHref(row.slug)}>{row.title}</a>{" "}
          <span class="muted">
            (<time datetime={row.publishedAt}>{formatDateVi(row.publishedAt)}</time>
            {showViews ? `; ${formatViNumber(row.views)} lượt xem` : ""})
          </span>
        </li>
      ))}
    </ol>
  );
}

export function MostReadPage({
  meta,
  period,
  rows,
}: {
  meta: PageMeta;
  period: MostReadPeriod;
  rows: MostReadRow[];
}) {
  const periods = Object.entries(MOST_READ_PERIODS) as [MostReadPeriod, { label: string }][];
  return (
    <PublicLayout meta={meta}>
      <h1>Đọc nhiều nhất</h1>
      <nav aria-label="Khoảng thời gian" class="period-tabs">
        <ul class="plain-list inline-list">
          {periods.map(([key, p]) => (
            <li>
              <a href={mostReadHref(key)} aria-current={key === period ? "page" : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{MOST_READ_PERIODS[period].label}</h2>
      {rows.length === 0 ? (
        <p class="empty-state">Chưa có lượt xem nào trong khoảng thời gian này.</p>
      ) : (
        <RankedList rows={rows} showViews={true} />
      )}
    </PublicLayout>
  );
}

/** A short ranking for the side of the home and article pages; nothing when there is no view yet. */
export function MostReadBox({ box }: { box: MostReadBoxData }) {
  if (box.rows.length === 0) return null;
  const heading =
    box.period === "tat-ca" ? "Đọc nhiều nhất" : `Đọc nhiều nhất ${MOST_READ_PERIODS[box.period].label}`;
  return (
    <section class="most-read-box" aria-labelledby="doc-nhieu">
      <h2 id="doc-nhieu">{heading}</h2>
      <RankedList rows={box.rows} showViews={false} />
      <p>
        <a href={mostReadHref(box.period)}>Xem thêm bài đọc nhiều</a>
      </p>
    </section>
  );
}
