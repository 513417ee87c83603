/** The page that corrects a saved conclusion notice: header and items, with what follows for directives. */
import { formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { SESSIONS_HREF } from "../sessions/sessions.views.js";
import type { PersonOption } from "../units/parties.repo.js";
import type { NoticeRecord } from "./conclusions.repo.js";
import { ItemTextFields, NoticeHeaderFields } from "./conclusions.views.js";
import type { EditRow, NoticeEditValues } from "./notice-edit-form.rules.js";

export const NOTICES_HREF = "/quan-tri/thong-bao-ket-luan";

function ItemRow({
  row,
  i,
  errors,
  notice,
  counts,
}: {
  row: EditRow;
  i: number;
  errors: FieldErrors;
  notice: NoticeRecord;
  counts: Map<number, number>;
}) {
  const n = (k: string) => `item-${i}-${k}`;
  const id = row.id ? Number(row.id) : null;
  const item = notice.items.find((x) => x.id === id);
  const parent = item?.parentItemId ? notice.items.find((x) => x.id === item.parentItemId) : undefined;
  const directives = id === null ? 0 : (counts.get(id) ?? 0);
  const hasChildren = id !== null && notice.items.some((x) => x.parentItemId === id);
  const legend =
    id === null
      ? "Thêm nội dung (để trống nếu không thêm)"
      : parent
        ? `Ý ${row.number} (thuộc nội dung ${parent.number})`
        : `Nội dung ${row.number}`;
  return (
    <fieldset class="card" id={`row-${i}`}>
      <legend>{legend}</legend>
      <input type="hidden" name={n("id")} value={row.id} />
      <ItemTextFields
        name={n}
        row={row}
        errors={errors}
        hint={
          directives > 0
            ? `Đã giao ${directives} nhiệm vụ từ nội dung này: nhiệm vụ mang nguyên văn nội dung sẽ được sửa theo.`
            : undefined
        }
      />
      {id !== null && directives === 0 && !hasChildren ? (
        <div class={errors[n("remove")] ? "field has-error" : "field"}>
          <label>
            <input type="checkbox" name={n("remove")} value="1" checked={row.remove} /> Bỏ nội dung này
          </label>
        </div>
      ) : null}
      {errors[n("remove")] ? (
        <p class="field-error" id={`f-${n("remove")}`}>
          {errors[n("remove")]}
        </p>
      ) : null}
    </fieldset>
  );
}

export function NoticeEditPage({
  meta,
  notice,
  values,
  people,
  counts,
  issuingUnitName,
  errors = {},
}: {
  meta: PageMeta;
  notice: NoticeRecord;
  values: NoticeEditValues;
  people: PersonOption[];
  counts: Map<number, number>;
  issuingUnitName: string;
  errors?: FieldErrors;
}) {
  const h = values.header;
  const action = `${NOTICES_HREF}/${notice.id}/sua`;
  return (
    <AdminLayout meta={meta} active={SESSIONS_HREF}>
      <h1>{`Sửa thông báo ${notice.number}`}</h1>
      <p>
        Ban hành ngày {formatDateVi(notice.issuedOn)} · đơn vị giao nhiệm vụ:{" "}
        <strong>{issuingUnitName}</strong> (không đổi được ở đây; đổi đơn vị chủ trì một nhiệm vụ bằng thao
        tác “Giao lại cho đơn vị khác” trên trang nhiệm vụ).
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <input type="hidden" name="rowCount" value={String(values.rows.length)} />
        <NoticeHeaderFields h={h} errors={errors} people={people} />
        <p class="hint">Nhiệm vụ do người ký giao sẽ ghi theo người ký đã sửa.</p>
        {errors.rows ? <p class="field-error">{errors.rows}</p> : null}
        {values.rows.map((row, i) => (
          <ItemRow row={row} i={i} errors={errors} notice={notice} counts={counts} />
        ))}
        <p>
          <button type="submit" class="button primary">
            Lưu thay đổi
          </button>{" "}
          <a href={`${NOTICES_HREF}/${notice.id}`}>Hủy</a>
        </p>
      </form>
    </AdminLayout>
  );
}
