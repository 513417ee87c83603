/** The admin page of the site's identity: the ward's name, its unit, emblem, contact, editor in charge. */
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField, type PickerGroup } from "../../core/views/picker.js";
import type { SiteFormValues } from "./site-settings-form.rules.js";

export const SITE_SETTINGS_HREF = "/quan-tri/cong-thong-tin";

const LABELS: Record<string, string> = {
  wardName: "Tên phường, xã",
  unit: "Đơn vị",
  emblem: "Biểu trưng",
  address: "Địa chỉ",
  phone: "Điện thoại",
  email: "Thư điện tử",
  openingHours: "Giờ làm việc",
  editorInCharge: "Chịu trách nhiệm nội dung",
};

export function SiteSettingsPage(p: {
  meta: PageMeta;
  values: SiteFormValues;
  errors?: FieldErrors;
  units: PickerGroup[];
  emblemUrl: string | null;
  notice?: string | null;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <AdminLayout meta={p.meta} active={SITE_SETTINGS_HREF}>
      <h1>{p.meta.title}</h1>
      <Notice message={p.notice} />
      <p>Tên, biểu trưng và thông tin liên hệ in ở đầu và cuối mọi trang của cổng thông tin.</p>
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <form method="post" action={SITE_SETTINGS_HREF} enctype="multipart/form-data" novalidate>
        <CsrfInput token={p.meta.auth.csrfToken} />
        <Field
          name="wardName"
          label={LABELS.wardName ?? ""}
          value={v.wardName}
          error={e.wardName}
          required
          hint="Đầu trang in: “Cổng thông tin điện tử phường Việt Hưng”."
        />
        <PickerField
          name="unit"
          label="Đơn vị của cổng (lịch công tác, xếp hạng mở theo đơn vị này)"
          groups={p.units}
          value={v.unit}
          empty="— Chưa chọn —"
          error={e.unit}
        />
        {p.emblemUrl ? (
          <p class="emblem-preview">
            <img src={p.emblemUrl} alt="Biểu trưng hiện tại" width="64" height="64" />
            <label class="checkbox">
              <input type="checkbox" name="removeEmblem" value="1" /> Bỏ biểu trưng
            </label>
          </p>
        ) : null}
        <Field
          name="emblem"
          label={LABELS.emblem ?? ""}
          type="file"
          accept="image/png,image/svg+xml"
          error={e.emblem}
          hint="Tệp PNG hoặc SVG, tối đa 1 MB; được chuyển thành ảnh PNG 256 × 256 điểm ảnh."
        />
        <Field name="address" label={LABELS.address ?? ""} value={v.address} error={e.address} />
        <div class="inline-fields">
          <Field name="phone" label={LABELS.phone ?? ""} type="tel" value={v.phone} error={e.phone} />
          <Field name="email" label={LABELS.email ?? ""} type="email" value={v.email} error={e.email} />
        </div>
        <Field
          name="openingHours"
          label={LABELS.openingHours ?? ""}
          value={v.openingHours}
          error={e.openingHours}
          hint="Ví dụ: Sáng 8h00–12h00, chiều 13h30–17h00, thứ Hai đến thứ Sáu."
        />
        <Field
          name="editorInCharge"
          label={LABELS.editorInCharge ?? ""}
          value={v.editorInCharge}
          error={e.editorInCharge}
          hint="Ví dụ: Ông Nguyễn Văn A – Phó Chủ tịch UBND phường."
        />
        <button type="submit" class="button primary">
          Lưu
        </button>
      </form>
    </AdminLayout>
  );
}
