/** The unit admins' pages: the units they may edit and a unit's profile form. */
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { unitDisplayName, validityText } from "./unit-labels.js";
import { unitHref } from "./unit-tree.views.js";
import type { UnitProfile } from "./units.repo.js";
import type { EditableUnit } from "./units.service.js";

/** The hand-over page of the open work of units that no longer exist (the handovers room serves it). */
const HANDOVER_HREF = "/quan-tri/ban-giao";

export function AdminUnitListPage({ meta, units }: { meta: PageMeta; units: EditableUnit[] }) {
  return (
    <AdminLayout meta={meta} active="/quan-tri/don-vi">
      <h1>Hồ sơ đơn vị</h1>
      <p>Các đơn vị bạn được cập nhật địa chỉ, điện thoại, thư điện tử và phần giới thiệu.</p>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">Danh sách đơn vị được cập nhật hồ sơ</caption>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Mã</th>
              <th scope="col">Thời gian hoạt động</th>
              <th scope="col">
                <span class="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr class={u.active ? undefined : "dissolved"}>
                <th scope="row">
                  <a href={unitHref(u.id)}>{unitDisplayName(u)}</a>
                </th>
                <td>{u.code ?? "–"}</td>
                <td>
                  {validityText(u)}
                  {u.active ? null : " (không còn hoạt động)"}
                </td>
                <td>
                  <a href={`/quan-tri/don-vi/${u.id}`} aria-label={`Sửa hồ sơ ${unitDisplayName(u)}`}>
                    Sửa hồ sơ
                  </a>
                  {u.active ? null : (
                    <>
                      {" · "}
                      <a
                        href={`${HANDOVER_HREF}?don_vi=${u.id}`}
                        aria-label={`Công việc chờ bàn giao của ${unitDisplayName(u)}`}
                      >
                        Công việc chờ bàn giao
                      </a>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export const PROFILE_LABELS: Record<keyof UnitProfile, string> = {
  address: "Địa chỉ trụ sở",
  phone: "Số điện thoại",
  email: "Thư điện tử",
  intro: "Giới thiệu",
};

export function AdminUnitEditPage({
  meta,
  unit,
  values,
  errors,
  notice,
}: {
  meta: PageMeta;
  unit: { id: number; name: string; level: string; validFrom: string; validTo: string | null };
  values: Partial<Record<keyof UnitProfile, string | null>>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const title = `Hồ sơ ${unitDisplayName(unit)}`;
  return (
    <AdminLayout meta={meta} active="/quan-tri/don-vi">
      <p>
        <a href="/quan-tri/don-vi">← Danh sách đơn vị</a>
      </p>
      <h1>{title}</h1>
      <p>
        {validityText(unit)} · <a href={unitHref(unit.id)}>Xem trang công khai</a>
        {unit.validTo === null ? null : (
          <>
            {" · "}
            <a href={`${HANDOVER_HREF}?don_vi=${unit.id}`}>Công việc chờ bàn giao</a>
          </>
        )}
      </p>
      <Notice message={notice} />
      <ErrorSummary errors={errors} labels={PROFILE_LABELS} />
      <form method="post" action={`/quan-tri/don-vi/${unit.id}`} novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <Field
          name="address"
          label={PROFILE_LABELS.address}
          value={values.address}
          error={errors?.address}
          autocomplete="street-address"
        />
        <Field
          name="phone"
          label={PROFILE_LABELS.phone}
          type="tel"
          value={values.phone}
          error={errors?.phone}
          hint="Ví dụ: 024 3875 1234"
          autocomplete="tel"
        />
        <Field
          name="email"
          label={PROFILE_LABELS.email}
          type="email"
          value={values.email}
          error={errors?.email}
          hint="Ví dụ: ubnd.thuongthanh@hanoi.gov.vn"
          autocomplete="email"
        />
        <Field
          name="intro"
          label={PROFILE_LABELS.intro}
          multiline
          rows={10}
          value={values.intro}
          error={errors?.intro}
          hint="Để một dòng trống giữa hai đoạn văn."
        />
        <button type="submit" class="button primary">
          Lưu hồ sơ
        </button>
      </form>
    </AdminLayout>
  );
}
