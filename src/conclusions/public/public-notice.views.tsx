/** The public page of a published conclusion notice (`/ket-luan/{id}`) and its owner's publication form. */
import { formatDateTimeVi, formatDateVi, formatTimeVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { SESSIONS_HREF } from "../../sessions/sessions.views.js";
import type { NoticeRecord } from "../conclusions.repo.js";
import type { Publication } from "./public-notices.repo.js";
import { type PublicNotice, publicNoticeHref } from "./public-notices.service.js";
import { type PublicItem, type PublicState, type PublicSummary, summaryText } from "./public-state.rules.js";

export function publicationHref(noticeId: number): string {
  return `/quan-tri/thong-bao-ket-luan/${noticeId}/cong-khai`;
}

/** Green for done on time, amber for late or overdue, grey otherwise (the shared badge classes). */
function stateBadge(state: PublicState): string {
  if (state === "done_on_time") return "badge published";
  if (state === "done_late" || state === "overdue") return "badge draft";
  return "badge";
}

/** The counts a reader takes in first: done (on time, late), overdue, in progress. */
export function SummaryFacts({ summary }: { summary: PublicSummary }) {
  return (
    <dl class="facts accountability-summary">
      <dt>Số nội dung kết luận</dt>
      <dd>{summary.items}</dd>
      <dt>Đã hoàn thành</dt>
      <dd>
        {summary.done} ({summary.doneOnTime} đúng hạn, {summary.doneLate} chậm hạn)
      </dd>
      <dt>Quá hạn</dt>
      <dd>{summary.overdue}</dd>
      <dt>Đang thực hiện</dt>
      <dd>{summary.inProgress}</dd>
    </dl>
  );
}

function ItemCard({ item }: { item: PublicItem }) {
  const headingId = `nd-${item.id}`;
  return (
    <li class="card accountability-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.depth === 1 ? `${item.number}.` : `${item.number})`}{" "}
        <span class={stateBadge(item.state)}>{item.stateText}</span>
      </h3>
      <p>{item.text}</p>
      <dl class="facts">
        <dt>Đơn vị chủ trì</dt>
        <dd>{item.leads.length > 0 ? item.leads.join("; ") : "Chưa giao"}</dd>
        <dt>Thời hạn</dt>
        <dd>{item.deadlines.length > 0 ? item.deadlines.join("; ") : "Không thời hạn"}</dd>
        {item.progressPercent !== null ? (
          <>
            <dt>Tiến độ</dt>
            <dd>{item.progressPercent}%</dd>
          </>
        ) : null}
      </dl>
      {item.reports.length > 0 ? (
        <>
          <h4>Kết quả thực hiện</h4>
          <ul class="plain-list">
            {item.reports.map((r) => (
              <li>
                <time datetime={r.at}>{formatDateVi(r.at)}</time>
                {r.kind === "completion"
                  ? " (báo cáo hoàn thành)"
                  : r.percent !== null
                    ? ` (${r.percent}%)`
                    : ""}
                : {r.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/** `/ket-luan/{id}`: what was concluded, who leads each item, by when, and how far it has come. */
export function PublicNoticePage({ meta, notice, now }: { meta: PageMeta; notice: PublicNotice; now: Date }) {
  return (
    <PublicLayout meta={meta}>
      <nav aria-label="Vị trí" class="breadcrumb">
        <p class="muted">
          <a href="/">Trang chủ</a> › <span aria-current="page">Theo dõi thực hiện kết luận</span>
        </p>
      </nav>
      <p class="muted">{`${notice.issuingBody} · Thông báo số ${notice.number} · ngày ${formatDateVi(notice.issuedOn)}`}</p>
      <h1>{notice.title}</h1>
      {notice.session ? (
        <p>
          Buổi làm việc: {notice.session.title} (
          <time datetime={notice.session.startsAt}>
            {formatTimeVi(notice.session.startsAt)} ngày {formatDateVi(notice.session.startsAt)}
          </time>
          , {notice.session.place})
        </p>
      ) : null}
      <section aria-labelledby="tong-hop">
        <h2 id="tong-hop">Tình hình thực hiện</h2>
        <SummaryFacts summary={notice.summary} />
        <p class="muted">
          Cập nhật theo tiến độ thực hiện các nhiệm vụ, tính đến {formatDateTimeVi(now)}. Tình trạng "quá hạn"
          và "đúng hạn" tính theo thời hạn được giao và ngày đơn vị báo cáo hoàn thành đã được xác nhận.
        </p>
      </section>
      <section aria-labelledby="noi-dung-ket-luan">
        <h2 id="noi-dung-ket-luan">Nội dung kết luận và kết quả thực hiện</h2>
        <ol class="plain-list accountability-items">
          {notice.items.map((item) => (
            <ItemCard item={item} />
          ))}
        </ol>
      </section>
    </PublicLayout>
  );
}

/** One published notice in a list: its number, title and counts, linking to its page. */
export function CommitmentLink({
  notice,
  summary,
}: {
  notice: { id: number; number: string; issuedOn: string; title: string };
  summary: PublicSummary;
}) {
  return (
    <li>
      <a
        href={publicNoticeHref(notice.id)}
      >{`Thông báo ${notice.number} (${formatDateVi(notice.issuedOn)})`}</a>
      : {notice.title}. <span class="muted">{summaryText(summary)}.</span>
    </li>
  );
}

export interface PublicationFormValues {
  itemIds: Set<number>;
  showReports: boolean;
  confirmParty: boolean;
}

/** The owner's choice: publish (which items, whether reports show), change it, or withdraw. */
export function PublicationPage({
  meta,
  notice,
  publication,
  party,
  partyWarning,
  values,
  errors,
  message,
}: {
  meta: PageMeta;
  notice: NoticeRecord;
  publication: Publication | null;
  party: boolean;
  partyWarning: string;
  values: PublicationFormValues;
  errors?: FieldErrors;
  message?: string | null;
}) {
  const labels = { itemIds: "Nội dung công khai", confirmParty: "Văn bản của tổ chức Đảng" };
  return (
    <AdminLayout meta={meta} active={SESSIONS_HREF}>
      <p class="muted">
        <a href={`/quan-tri/thong-bao-ket-luan/${notice.id}`}>{`Thông báo ${notice.number}`}</a> › Công khai
      </p>
      <h1>Công khai kết luận trên cổng thông tin</h1>
      <Notice message={message} />
      <ErrorSummary errors={errors} labels={labels} />
      <p>
        {publication ? (
          <>
            Đang công khai từ {formatDateTimeVi(publication.publishedAt)} tại{" "}
            <a href={publicNoticeHref(notice.id)}>{publicNoticeHref(notice.id)}</a>.
          </>
        ) : (
          "Thông báo này chưa công khai: chỉ cán bộ có quyền mới xem được."
        )}
      </p>
      <p>
        Người dân xem được: số, ngày, trích yếu, buổi làm việc; với mỗi nội dung được chọn: đơn vị chủ trì,
        thời hạn, tình trạng thực hiện và (nếu chọn) phần báo cáo tiến độ mà đơn vị thực hiện đã đánh dấu công
        khai. Không công khai người báo cáo, tệp đính kèm và các báo cáo nội bộ.
      </p>
      <form method="post" action={publicationHref(notice.id)} class="card" novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <fieldset id="f-itemIds" aria-describedby={errors?.itemIds ? "f-itemIds-error" : undefined}>
          <legend>Nội dung công khai</legend>
          {errors?.itemIds ? (
            <p class="field-error" id="f-itemIds-error">
              {errors.itemIds}
            </p>
          ) : null}
          {notice.items.map((item) => (
            <p class="checkbox-field">
              <input
                type="checkbox"
                id={`f-item-${item.id}`}
                name="itemIds"
                value={String(item.id)}
                checked={values.itemIds.has(item.id)}
              />
              <label
                for={`f-item-${item.id}`}
              >{`${item.number}. ${item.text.slice(0, 160)}${item.text.length > 160 ? "…" : ""}`}</label>
            </p>
          ))}
        </fieldset>
        <p class="checkbox-field">
          <input
            type="checkbox"
            id="f-showReports"
            name="showReports"
            value="1"
            checked={values.showReports}
          />
          <label for="f-showReports">Hiển thị phần công khai của báo cáo tiến độ</label>
        </p>
        {party ? (
          <div
            class={errors?.confirmParty ? "field has-error" : "field"}
            role="group"
            aria-labelledby="party-warning"
          >
            <p id="party-warning" class="warning">
              <strong>Lưu ý:</strong> {partyWarning}
            </p>
            {errors?.confirmParty ? (
              <p class="field-error" id="f-confirmParty-error">
                {errors.confirmParty}
              </p>
            ) : null}
            <p class="checkbox-field">
              <input
                type="checkbox"
                id="f-confirmParty"
                name="confirmParty"
                value="1"
                checked={values.confirmParty}
                aria-invalid={errors?.confirmParty ? "true" : undefined}
              />
              <label for="f-confirmParty">Tôi xác nhận văn bản này được phép công khai</label>
            </p>
          </div>
        ) : null}
        <button type="submit" name="_action" value="publish" class="button primary">
          {publication ? "Lưu nội dung công khai" : "Công khai"}
        </button>
      </form>
      {publication ? (
        <form method="post" action={publicationHref(notice.id)} class="card">
          <CsrfInput token={meta.auth.csrfToken} />
          <p>Thôi công khai: trang công khai không còn truy cập được; có thể công khai lại sau.</p>
          <button type="submit" name="_action" value="withdraw" class="button">
            Thôi công khai
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
