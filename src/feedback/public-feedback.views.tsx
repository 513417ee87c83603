/** The public pages of citizens' feedback: the Q&A list, the form, and following a feedback by its code. */

import { formatDateTimeVi, formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, FieldFrame, Notice, SelectField } from "../core/views/forms.js";
import { type PageMeta, PublicLayout } from "../core/views/layout.js";
import { PickerField } from "../core/views/picker.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { ANSWER_DEADLINE_RULE } from "./answer-deadline.rules.js";
import { ConsentNotice } from "./consent-notice.views.js";
import {
  FEEDBACK_STATE_LABELS,
  FEEDBACK_TOPIC_LABELS,
  FEEDBACK_TOPICS,
  MAX_FEEDBACK_PHOTOS,
} from "./feedback.model.js";
import type { FeedbackRecord } from "./feedback.repo.js";
import type { PublicFeedback } from "./feedback.service.js";
import { HONEYPOT_FIELD } from "./feedback-abuse.rules.js";
import { TEXT_MAX } from "./feedback-input.rules.js";

/** What the pages add to `<head>`: their stylesheet, and the form's scripts (all served from this site). */
export function feedbackHead(withForm: boolean) {
  return (
    <>
      <link rel="stylesheet" href="/static/feedback.css" />
      {withForm ? (
        <>
          <link rel="stylesheet" href="/phan-anh/altcha/altcha.css" />
          <script type="module" src="/phan-anh/altcha/altcha.js" />
          <script type="module" src="/phan-anh/altcha/vi.js" />
          <script type="module" src="/static/feedback-form.js" />
          <script src="/static/picker.js" defer />
        </>
      ) : null}
    </>
  );
}

function TrackBox({ code }: { code?: string }) {
  return (
    <form
      method="get"
      action="/phan-anh/tra-cuu"
      class="card track-box"
      role="search"
      aria-label="Tra cứu phản ánh"
    >
      <label for="track-code">Mã phản ánh</label>
      <div class="track-row">
        <input
          id="track-code"
          name="ma"
          value={code ?? ""}
          placeholder="PA-7K3M9Q"
          autocomplete="off"
          required
        />
        <button type="submit" class="button">
          Tra cứu
        </button>
      </div>
    </form>
  );
}

export function FeedbackHomePage(p: { meta: PageMeta; answers: FeedbackRecord[] }) {
  return (
    <PublicLayout meta={p.meta}>
      <h1>Phản ánh, kiến nghị</h1>
      <p>
        Gửi phản ánh, kiến nghị về những việc ở khu dân cư (trật tự đô thị, vệ sinh môi trường, hạ tầng, thủ
        tục hành chính…) đến phường, xã. Mỗi phản ánh có một mã để bạn theo dõi việc xử lý và được trả lời
        trong {ANSWER_DEADLINE_RULE.split(": ")[1]}.
      </p>
      <p>
        <a href="/phan-anh/gui" class="button primary">
          Gửi phản ánh
        </a>
      </p>
      <h2>Theo dõi phản ánh đã gửi</h2>
      <TrackBox />
      <h2>Hỏi đáp: các trả lời đã công khai</h2>
      {p.answers.length === 0 ? (
        <p class="muted">Chưa có trả lời nào được công khai.</p>
      ) : (
        <ol class="plain-list qa-list">
          {p.answers.map((f) => (
            <li class="card qa-item">
              <h3>
                {FEEDBACK_TOPIC_LABELS[f.topic]} · {f.place}
              </h3>
              <p class="muted">
                {f.unitName} · Mã {f.code} · Nhận ngày {formatDateVi(f.createdAt)}
              </p>
              <p class="qa-question">{f.text}</p>
              <p class="qa-answer">
                <strong>Trả lời{f.answeredAt ? ` (${formatDateVi(f.answeredAt)})` : ""}:</strong> {f.answer}
              </p>
            </li>
          ))}
        </ol>
      )}
    </PublicLayout>
  );
}

export interface FormValues {
  unitId: string;
  topic: string;
  place: string;
  text: string;
  senderName: string;
  senderContact: string;
  wantsReply: boolean;
  consent: boolean;
}

const FIELD_LABELS: Record<string, string> = {
  unitId: "Phường, xã",
  topic: "Lĩnh vực",
  place: "Địa điểm",
  text: "Nội dung",
  senderName: "Họ và tên",
  senderContact: "Liên hệ",
  photos: "Ảnh",
  consent: "Đồng ý xử lý dữ liệu cá nhân",
  altcha: "Xác minh",
  sumAnswer: "Câu hỏi kiểm tra",
  website: "Biểu mẫu",
};

export function FeedbackFormPage(p: {
  meta: PageMeta;
  csrfToken: string;
  wards: { id: number; name: string; level: string }[];
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  sum: { text: string; token: string };
}) {
  const e = p.errors ?? {};
  const photoErrors = Object.entries(e).filter(([k]) => k === "photos" || k.startsWith("photos."));
  const ward = p.wards.find((w) => String(w.id) === p.values.unitId);
  return (
    <PublicLayout meta={p.meta}>
      <p class="breadcrumb">
        <a href="/phan-anh">Phản ánh, kiến nghị</a>
      </p>
      <h1>Gửi phản ánh, kiến nghị</h1>
      {p.message ? (
        <p class="error-summary" role="alert">
          {p.message}
        </p>
      ) : null}
      <ErrorSummary errors={e} labels={FIELD_LABELS} />
      <form
        method="post"
        action="/phan-anh/gui"
        enctype="multipart/form-data"
        class="card feedback-form"
        novalidate
      >
        <CsrfInput token={p.csrfToken} />
        <PickerField
          name="unitId"
          label="Phường, xã nhận phản ánh"
          groups={[
            { label: "", choices: p.wards.map((w) => ({ value: String(w.id), label: unitDisplayName(w) })) },
          ]}
          value={p.values.unitId}
          empty="— Chọn phường, xã —"
          required
          error={e.unitId}
        />
        <SelectField
          name="topic"
          label="Lĩnh vực"
          options={[
            { value: "", label: "— Chọn lĩnh vực —" },
            ...FEEDBACK_TOPICS.map((t) => ({ value: t, label: FEEDBACK_TOPIC_LABELS[t] })),
          ]}
          value={p.values.topic}
          required
          error={e.topic}
        />
        <Field
          name="place"
          label="Địa điểm"
          hint="Số nhà, tên đường, ngõ, tổ dân phố nơi xảy ra sự việc."
          value={p.values.place}
          required
          error={e.place}
        />
        <Field
          name="text"
          label="Nội dung phản ánh"
          hint={`Mô tả sự việc, thời gian, mức độ ảnh hưởng (tối đa ${TEXT_MAX.toLocaleString("vi-VN")} ký tự).`}
          value={p.values.text}
          multiline
          rows={7}
          required
          error={e.text}
        />
        <FieldFrame
          id="f-photos"
          label={`Ảnh kèm theo (tối đa ${MAX_FEEDBACK_PHOTOS} ảnh)`}
          error={photoErrors.map(([, m]) => m).join(" ") || undefined}
        >
          <p class="hint" id="f-photos-hint">
            Ảnh JPEG, PNG hoặc WebP, tổng dung lượng dưới 12 MB. Thông tin ẩn trong ảnh (vị trí GPS, máy chụp)
            được xóa khi lưu.
          </p>
          <input
            id="f-photos"
            name="photos"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            aria-describedby={photoErrors.length > 0 ? "f-photos-hint f-photos-error" : "f-photos-hint"}
            aria-invalid={photoErrors.length > 0 ? "true" : undefined}
          />
        </FieldFrame>
        <fieldset class="sender">
          <legend>Thông tin người gửi (không bắt buộc)</legend>
          <Field
            name="senderName"
            label="Họ và tên"
            value={p.values.senderName}
            autocomplete="name"
            error={e.senderName}
          />
          <Field
            name="senderContact"
            label="Số điện thoại hoặc thư điện tử"
            hint="Bắt buộc nếu bạn muốn nhận trả lời qua thư."
            value={p.values.senderContact}
            autocomplete="email"
            error={e.senderContact}
          />
          <div class="checkbox-field">
            <input
              id="f-wantsReply"
              type="checkbox"
              name="wantsReply"
              value="1"
              checked={p.values.wantsReply}
            />
            <label for="f-wantsReply">
              Tôi muốn nhận trả lời qua thư (điện thoại hoặc thư điện tử ở trên)
            </label>
          </div>
        </fieldset>
        <div class="hp-field" aria-hidden="true">
          <label for="f-website">Trang web (để trống ô này)</label>
          <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <ConsentNotice unitLabel={ward ? unitDisplayName(ward) : "Ủy ban nhân dân phường, xã bạn chọn"} />
        <div class={e.consent ? "checkbox-field has-error" : "checkbox-field"}>
          <input
            id="f-consent"
            type="checkbox"
            name="consent"
            value="1"
            checked={p.values.consent}
            required
            aria-invalid={e.consent ? "true" : undefined}
            aria-describedby={e.consent ? "f-consent-error" : undefined}
          />
          <label for="f-consent">
            Tôi đã đọc thông báo trên và đồng ý cho xử lý dữ liệu cá nhân của tôi theo mục đích đã nêu
            <span class="required"> (bắt buộc)</span>
          </label>
          {e.consent ? (
            <p class="field-error" id="f-consent-error">
              {e.consent}
            </p>
          ) : null}
        </div>
        <div class="human-check">
          <div id="f-altcha" class="altcha-box" hidden>
            <altcha-widget
              name="altcha"
              challenge="/api/v1/feedback-challenge"
              language="vi"
              auto="onfocus"
            />
            {e.altcha ? (
              <p class="field-error" id="f-altcha-error">
                {e.altcha}
              </p>
            ) : null}
          </div>
          <div id="sum-check" class="sum-check">
            <noscript>
              <p class="notice-warning">
                Trình duyệt của bạn đang tắt JavaScript nên không thể xác minh tự động. Vui lòng trả lời câu
                hỏi kiểm tra dưới đây để gửi phản ánh.
              </p>
            </noscript>
            <input type="hidden" name="sumToken" value={p.sum.token} />
            <Field
              name="sumAnswer"
              label={`Câu hỏi kiểm tra: ${p.sum.text}`}
              value=""
              type="text"
              error={e.sumAnswer}
            />
          </div>
        </div>
        <p>
          <button type="submit" class="button primary">
            Gửi phản ánh
          </button>
        </p>
      </form>
    </PublicLayout>
  );
}

export function TrackPage(p: {
  meta: PageMeta;
  code: string;
  feedback: PublicFeedback | null;
  isNew: boolean;
  error?: string;
}) {
  const f = p.feedback;
  return (
    <PublicLayout meta={p.meta}>
      <p class="breadcrumb">
        <a href="/phan-anh">Phản ánh, kiến nghị</a>
      </p>
      <h1>Tra cứu phản ánh</h1>
      {p.isNew && f ? (
        <div class="notice sent-notice" role="status">
          <p>
            Đã gửi phản ánh. Mã tra cứu của bạn là <strong class="feedback-code">{f.code}</strong>.
          </p>
          <p>Hãy ghi lại mã này để theo dõi kết quả xử lý.</p>
        </div>
      ) : null}
      <TrackBox code={p.code} />
      {p.error ? (
        <p class="error-summary" role="alert">
          {p.error}
        </p>
      ) : null}
      {f ? (
        <section class="card" aria-labelledby="track-title">
          <h2 id="track-title">Phản ánh {f.code}</h2>
          <dl class="facts">
            <dt>Tình trạng</dt>
            <dd>
              <strong class={`state state-${f.state}`}>{FEEDBACK_STATE_LABELS[f.state]}</strong>
            </dd>
            <dt>Nơi nhận</dt>
            <dd>{f.unitName}</dd>
            <dt>Lĩnh vực</dt>
            <dd>{FEEDBACK_TOPIC_LABELS[f.topic]}</dd>
            {f.place ? (
              <>
                <dt>Địa điểm</dt>
                <dd>{f.place}</dd>
              </>
            ) : null}
            <dt>Ngày nhận</dt>
            <dd>{formatDateTimeVi(f.receivedAt)}</dd>
            <dt>Hạn trả lời</dt>
            <dd>{formatDateVi(f.answerDue)}</dd>
          </dl>
          {f.answer ? (
            <div class="public-answer">
              <h3>Trả lời của {f.unitName}</h3>
              {f.answeredAt ? <p class="muted">Ngày {formatDateVi(f.answeredAt)}</p> : null}
              <p>{f.answer}</p>
            </div>
          ) : (
            <Notice
              message={
                f.state === "new" || f.state === "in_progress"
                  ? "Phản ánh đang được xử lý."
                  : "Câu trả lời không được công khai trên cổng thông tin."
              }
            />
          )}
        </section>
      ) : null}
    </PublicLayout>
  );
}
