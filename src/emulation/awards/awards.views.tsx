import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField } from "../../core/views/picker.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import type { AwardRuleSet } from "./award-rule-sets.rules.js";
import { AWARD_STATUSES, AWARD_TITLES, type AwardTitle, awardTitleLabel } from "./award-titles.model.js";
import type { AwardProposalRow } from "./awards.repo.js";

export interface AwardsPageData {
  year: string;
  proposals: AwardProposalRow[];
  /** Units the actor may propose for (empty: the form is not shown). */
  units: UnitName[];
  /** The award rules in force for the year; null before the first kept (2017). */
  rules: AwardRuleSet | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}

const LABELS = {
  unitId: "Đơn vị",
  title: "Danh hiệu",
  basis: "Căn cứ, thành tích",
  proposingBody: "Cơ quan đề nghị",
};

function ProposalForm({ meta, data }: { meta: PageMeta; data: AwardsPageData }) {
  const v = data.values ?? {};
  return (
    <section class="card" aria-labelledby="de-nghi-moi">
      <h2 id="de-nghi-moi">Thêm đề nghị khen thưởng năm {data.year}</h2>
      {data.rules ? <p class="hint award-rules">Căn cứ: {data.rules.name}.</p> : null}
      <ErrorSummary errors={data.errors} labels={LABELS} />
      <form method="post" action="/quan-tri/khen-thuong" novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <input type="hidden" name="year" value={data.year} />
        <PickerField
          name="unitId"
          label={LABELS.unitId}
          value={v.unitId}
          error={data.errors?.unitId}
          groups={unitPickerGroups(data.units, meta.today)}
        />
        <SelectField
          name="title"
          label={LABELS.title}
          value={v.title}
          error={data.errors?.title}
          options={Object.entries(AWARD_TITLES)
            .filter(([value]) => !data.rules || data.rules.titles.includes(value as AwardTitle))
            .map(([value, label]) => ({ value, label }))}
        />
        <Field
          name="basis"
          label={LABELS.basis}
          value={v.basis}
          error={data.errors?.basis}
          multiline
          rows={4}
          required
        />
        <Field
          name="proposingBody"
          label={LABELS.proposingBody}
          value={v.proposingBody ?? "Hội đồng Thi đua - Khen thưởng quận"}
          error={data.errors?.proposingBody}
          required
        />
        <button type="submit" class="button primary">
          Ghi đề nghị
        </button>
      </form>
    </section>
  );
}

/** The year's award proposals: who is proposed for what, on what basis, by whom, and the outcome. */
export function AwardsPage({ meta, data }: { meta: PageMeta; data: AwardsPageData }) {
  const canPropose = data.units.length > 0;
  return (
    <AdminLayout meta={meta} active="/quan-tri/khen-thuong">
      <h1>Đề nghị khen thưởng năm {data.year}</h1>
      <Notice message={data.notice} />
      <form method="get" action="/quan-tri/khen-thuong" class="filters">
        <label>
          Năm
          <input name="nam" value={data.year} inputmode="numeric" size={6} />
        </label>
        <button type="submit" class="button">
          Xem
        </button>
      </form>
      {data.proposals.length === 0 ? (
        <p>Chưa có đề nghị khen thưởng nào trong năm {data.year}.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>Danh sách đề nghị khen thưởng năm {data.year}</caption>
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Danh hiệu, hình thức</th>
                <th scope="col">Căn cứ, thành tích</th>
                <th scope="col">Cơ quan đề nghị</th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {data.proposals.map((p) => (
                <tr>
                  <th scope="row">{p.unitName}</th>
                  <td>{awardTitleLabel(p.title)}</td>
                  <td>{p.basis}</td>
                  <td>{p.proposingBody}</td>
                  <td>
                    <span class="badge">
                      {AWARD_STATUSES[p.status as keyof typeof AWARD_STATUSES] ?? p.status}
                    </span>
                    {canPropose && p.status === "proposed" ? (
                      <form
                        method="post"
                        action={`/quan-tri/khen-thuong/${p.id}/trang-thai`}
                        class="inline-form"
                      >
                        <CsrfInput token={meta.auth.csrfToken} />
                        <label class="visually-hidden" for={`status-${p.id}`}>
                          Kết quả đề nghị
                        </label>
                        <select id={`status-${p.id}`} name="status">
                          <option value="approved">{AWARD_STATUSES.approved}</option>
                          <option value="not_approved">{AWARD_STATUSES.not_approved}</option>
                          <option value="withdrawn">{AWARD_STATUSES.withdrawn}</option>
                        </select>
                        <button type="submit" class="link-button">
                          Ghi kết quả
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canPropose ? <ProposalForm meta={meta} data={data} /> : null}
    </AdminLayout>
  );
}
