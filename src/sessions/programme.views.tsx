/** Pages of the annual programme of work: one unit's (or every readable unit's) year, and the entry form. */
import { formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import type { PartyOption } from "../units/parties.repo.js";
import { PartySelect } from "../units/party-select.views.js";
import { unitDisplayName } from "../units/unit-labels.js";
import type { ProgramItem } from "./programme.repo.js";
import { plannedLabel } from "./programme.rules.js";
import type { ProgrammeFormValues } from "./programme-form.rules.js";
import { SESSIONS_HREF } from "./sessions.views.js";

export const PROGRAMME_HREF = "/quan-tri/chuong-trinh-cong-tac";

export function programmeListHref(year: number, ownerUnitId?: number | null): string {
  return `${PROGRAMME_HREF}?nam=${year}${ownerUnitId ? `&don_vi=${ownerUnitId}` : ""}`;
}

export interface ProgrammePageProps {
  meta: PageMeta;
  year: number;
  /** The owner unit filter ("" for all readable units). */
  unit: string;
  units: PartyOption[];
  items: ProgramItem[];
  /** Years that already have entries, newest first, to jump to. */
  years: number[];
  /** Owner units the person may plan for: entries of others are read-only. */
  manageable: ReadonlySet<number>;
  notice?: string | null;
}

export function ProgrammePage(p: ProgrammePageProps) {
  const unitId = p.unit ? Number(p.unit) : null;
  const canAdd = p.manageable.size > 0;
  return (
    <AdminLayout meta={p.meta} active={PROGRAMME_HREF}>
      <h1>{`Chương trình công tác năm ${p.year}`}</h1>
      <Notice message={p.notice} />
      <p>
        Các buổi làm việc, hội nghị dự kiến trong năm. Buổi làm việc tạo từ một nội dung của chương trình được
        ghi nhận là đã tổ chức.
      </p>
      <form method="get" action={PROGRAMME_HREF} class="filters">
        <PartySelect
          name="don_vi"
          label="Đơn vị lập chương trình"
          options={p.units.map((u) => ({ ...u, key: String(u.unitId) }))}
          value={p.unit}
          empty="— Tất cả đơn vị —"
          id="f-programme-unit"
        />
        <div class="field">
          <label for="f-programme-year">Năm</label>
          <input
            id="f-programme-year"
            name="nam"
            type="number"
            min="1990"
            max="2100"
            value={String(p.year)}
          />
        </div>
        <button type="submit" class="button">
          Xem
        </button>
        {canAdd ? (
          <a
            class="button primary"
            href={`${PROGRAMME_HREF}/moi?nam=${p.year}${unitId ? `&don_vi=${unitId}` : ""}`}
          >
            Thêm nội dung
          </a>
        ) : null}
      </form>
      {p.years.length > 0 ? (
        <p class="muted">
          Các năm đã có chương trình:{" "}
          {p.years.map((y, i) => (
            <>
              {i > 0 ? ", " : ""}
              {y === p.year ? <strong>{y}</strong> : <a href={programmeListHref(y, unitId)}>{y}</a>}
            </>
          ))}
        </p>
      ) : null}
      {p.items.length === 0 ? (
        <p class="muted">{`Chưa có nội dung nào trong chương trình công tác năm ${p.year}.`}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{`Chương trình công tác năm ${p.year}`}</caption>
            <thead>
              <tr>
                <th scope="col">Thời gian dự kiến</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Đơn vị lập</th>
                <th scope="col">Làm việc với</th>
                <th scope="col">Buổi làm việc</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((item) => {
                const manage = p.manageable.has(item.ownerUnitId);
                return (
                  <tr>
                    <td>{plannedLabel(item)}</td>
                    <td>{item.title}</td>
                    <td>{unitDisplayName(item.owner)}</td>
                    <td>{item.host ? unitDisplayName(item.host) : "—"}</td>
                    <td>
                      {item.sessions.length === 0 ? (
                        <span class="muted">Chưa tổ chức</span>
                      ) : (
                        <ul class="plain-list">
                          {item.sessions.map((s) => (
                            <li>
                              <a
                                href={`${SESSIONS_HREF}/${s.id}`}
                              >{`Đã tổ chức ngày ${formatDateVi(s.startsAt)}`}</a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {manage ? (
                        <span class="actions">
                          <a href={`${SESSIONS_HREF}/moi?chuong_trinh=${item.id}`}>Tạo buổi làm việc</a>
                          <a href={`${PROGRAMME_HREF}/${item.id}/sua`}>Sửa</a>
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

const MONTHS = [
  { value: "", label: "— Chưa xác định —" },
  ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${i + 1}` })),
];

export function ProgrammeFormPage(p: {
  meta: PageMeta;
  action: string;
  values: ProgrammeFormValues;
  errors?: FieldErrors;
  owners: PartyOption[];
  units: PartyOption[];
  /** Sessions already held under the entry (editing). */
  sessions?: ProgramItem["sessions"];
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <AdminLayout meta={p.meta} active={PROGRAMME_HREF}>
      <h1>{p.meta.title}</h1>
      <ErrorSummary errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfInput token={p.meta.auth.csrfToken} />
        <PartySelect
          name="owner"
          label="Đơn vị lập chương trình"
          options={p.owners}
          value={v.owner}
          empty="— Chọn —"
          error={e.owner}
        />
        <div class="inline-fields">
          <Field name="year" label="Năm" type="number" value={v.year} error={e.year} required />
          <SelectField name="month" label="Tháng dự kiến" options={MONTHS} value={v.month} error={e.month} />
        </div>
        <Field
          name="title"
          label="Nội dung công tác"
          multiline
          rows={3}
          value={v.title}
          error={e.title}
          required
          hint="Ví dụ: Ban Thường vụ Quận ủy làm việc với Đảng ủy phường Thượng Thanh."
        />
        <PartySelect
          name="host"
          label="Làm việc với đơn vị"
          options={p.units}
          value={v.host}
          empty="— Không xác định —"
          error={e.host}
        />
        <button type="submit" class="button primary">
          Lưu
        </button>{" "}
        <a href={v.year ? programmeListHref(Number(v.year)) : PROGRAMME_HREF}>Quay lại chương trình</a>
      </form>
      {p.sessions && p.sessions.length > 0 ? (
        <section class="card" aria-labelledby="held">
          <h2 id="held">Buổi làm việc đã tổ chức theo nội dung này</h2>
          <ul>
            {p.sessions.map((s) => (
              <li>
                <a href={`${SESSIONS_HREF}/${s.id}`}>{s.title}</a> ({formatDateVi(s.startsAt)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AdminLayout>
  );
}
