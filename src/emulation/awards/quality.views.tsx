import { formatViNumber } from "../../core/format/vi-number.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField, PickerSelect, ungrouped } from "../../core/views/picker.js";
import { organisationKindLabel, unitDisplayName } from "../../units/unit-labels.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import type { RatingRow } from "./quality.repo.js";
import { QUALITY_LEVEL_LABELS, type QuotaResult } from "./quality-level.rules.js";
import { type QualityRuleSet, qualityRulesTitle } from "./quality-rule-sets.rules.js";

export interface QualityPageData {
  raters: UnitName[];
  rater: { id: number; name: string; level: string } | null;
  year: string;
  groups: { subjectKind: string; rows: RatingRow[]; quota: QuotaResult }[];
  /** "u:<unitId>" or "o:<unitId>:<organisationId>" → label, for the form. */
  subjects: { value: string; label: string }[];
  canDecide: boolean;
  /** The rule set in force for the year; null before the first one kept (2018). */
  rules: QualityRuleSet | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}

const QUOTA_LABELS: Record<string, string> = {
  not_applicable: "Không thuộc diện xét tỷ lệ",
  kept: "Trong tỷ lệ 20%",
  moved_down: "Ngoài tỷ lệ 20%",
  tie_at_limit: "Đồng điểm ở giới hạn, chờ quyết định",
};

const FORM_LABELS = {
  subject: "Đơn vị, tổ chức được xếp loại",
  score: "Điểm tự đánh giá (thang 100)",
  "tasks.total": "Số nhiệm vụ, chỉ tiêu",
  "tasks.onTime": "Số hoàn thành đúng hạn",
  "tasks.exceeded": "Số hoàn thành vượt mức",
  note: "Ghi chú",
};

function RatingsTable({ group }: { group: QualityPageData["groups"][number] }) {
  const kind = group.subjectKind === "unit" ? "Đơn vị" : organisationKindLabel(group.subjectKind);
  return (
    <section aria-label={`Xếp loại: ${kind}`}>
      <h2>{kind}</h2>
      <p>
        <strong>Tỷ lệ xuất sắc:</strong> {group.quota.explanation}
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Đơn vị, tổ chức</th>
              <th scope="col" class="num">
                Điểm
              </th>
              <th scope="col">Mức theo điểm</th>
              <th scope="col">Điều kiện</th>
              <th scope="col">Tỷ lệ 20%</th>
              <th scope="col">Xếp loại</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((r) => (
              <tr>
                <th scope="row">{r.organisationName ?? r.unitName}</th>
                <td class="num">{formatViNumber(r.score)}</td>
                <td>{QUALITY_LEVEL_LABELS[r.scoreLevel]}</td>
                <td>
                  <ul class="plain-list">
                    {r.conditions.conditions
                      .filter((k) => k.code !== "score_at_least_90" && k.code !== "score_at_least_70")
                      .map((k) => (
                        <li>
                          {k.passed ? "Đạt" : "Chưa đạt"}: {k.label} ({k.explanation.replace(/\.$/, "")})
                        </li>
                      ))}
                  </ul>
                  <p class="hint">
                    Sau điều kiện: {QUALITY_LEVEL_LABELS[r.conditions.conditionsLevel]}
                    {r.conditions.source === "evaluation"
                      ? " (số nhiệm vụ lấy từ kết quả chỉ tiêu đã duyệt)"
                      : ""}
                  </p>
                </td>
                <td>
                  {QUOTA_LABELS[r.quotaOutcome] ?? r.quotaOutcome}
                  {r.conditions.quotaExplanation ? <p class="hint">{r.conditions.quotaExplanation}</p> : null}
                </td>
                <td>
                  <strong>{QUALITY_LEVEL_LABELS[r.level]}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Which rules judge the year, by name, and what they require. */
function RulesNote({ rules, year }: { rules: QualityRuleSet | null; year: string }) {
  if (!rules) {
    return (
      <p class="hint">
        Chưa có bộ tiêu chí xếp loại chất lượng cho năm {year} (các bộ tiêu chí được lưu từ năm 2018).
      </p>
    );
  }
  const exceeded =
    rules.exceededAtLeastPercent === null
      ? ""
      : `; ít nhất ${formatViNumber(rules.exceededAtLeastPercent)}% nhiệm vụ vượt mức cho mức xuất sắc`;
  return (
    <p class="hint quality-rules">
      <strong>{qualityRulesTitle(rules)}.</strong> Điểm quyết định khung (từ {rules.bands.excellent},{" "}
      {rules.bands.good}, {rules.bands.completed} điểm); điều kiện (
      {rules.allTasksLabel.toLocaleLowerCase("vi-VN")}
      {exceeded}) có thể hạ mức; tỷ lệ "Hoàn thành xuất sắc nhiệm vụ" không quá{" "}
      {formatViNumber(rules.quotaPercent)}% số được xếp loại tốt trở lên.
    </p>
  );
}

/**
 * Quality levels a council gives for a year. The score, the conditions and the quota are separate
 * columns, so a reader sees why a unit with 95 points may still be "Hoàn thành tốt nhiệm vụ".
 */
export function QualityPage({ meta, data }: { meta: PageMeta; data: QualityPageData }) {
  const v = data.values ?? {};
  return (
    <AdminLayout meta={meta} active="/quan-tri/xep-loai">
      <h1>Xếp loại chất lượng năm {data.year}</h1>
      <Notice message={data.notice} />
      <form method="get" action="/quan-tri/xep-loai" class="filters">
        <label for="f-don-vi">
          Cấp xếp loại
          <PickerSelect
            id="f-don-vi"
            name="don-vi"
            groups={unitPickerGroups(data.raters, meta.today)}
            value={data.rater ? String(data.rater.id) : null}
          />
        </label>
        <label>
          Năm
          <input name="nam" value={data.year} inputmode="numeric" size={6} />
        </label>
        <button type="submit" class="button">
          Xem
        </button>
      </form>
      <RulesNote rules={data.rules} year={data.year} />
      {data.groups.length === 0 ? (
        <p>Chưa có kết quả xếp loại.</p>
      ) : (
        data.groups.map((g) => <RatingsTable group={g} />)
      )}
      {data.canDecide && data.rater ? (
        <section class="card" aria-labelledby="xep-loai-moi">
          <h2 id="xep-loai-moi">Ghi kết quả xếp loại</h2>
          <ErrorSummary errors={data.errors} labels={FORM_LABELS} />
          <form method="post" action="/quan-tri/xep-loai" novalidate>
            <CsrfInput token={meta.auth.csrfToken} />
            <input type="hidden" name="rater" value={String(data.rater.id)} />
            <input type="hidden" name="year" value={data.year} />
            <PickerField
              name="subject"
              label={FORM_LABELS.subject}
              value={v.subject}
              error={data.errors?.subject}
              groups={ungrouped(data.subjects)}
            />
            <Field
              name="score"
              label={FORM_LABELS.score}
              value={v.score}
              error={data.errors?.score}
              required
            />
            <p class="hint">Để trống ba ô dưới đây để lấy số nhiệm vụ từ kết quả chỉ tiêu đã được duyệt.</p>
            <div class="inline-fields">
              <Field
                name="tasks.total"
                label={FORM_LABELS["tasks.total"]}
                value={v["tasks.total"]}
                error={data.errors?.["tasks.total"]}
              />
              <Field
                name="tasks.onTime"
                label={FORM_LABELS["tasks.onTime"]}
                value={v["tasks.onTime"]}
                error={data.errors?.["tasks.onTime"]}
              />
              <Field
                name="tasks.exceeded"
                label={FORM_LABELS["tasks.exceeded"]}
                value={v["tasks.exceeded"]}
                error={data.errors?.["tasks.exceeded"]}
              />
            </div>
            <Field
              name="note"
              label={FORM_LABELS.note}
              value={v.note}
              error={data.errors?.note}
              multiline
              rows={2}
            />
            <button type="submit" class="button primary">
              Ghi xếp loại
            </button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
