import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { unitTitle } from "./unit-wording.js";

/** Picks the unit and period to enter figures for (GET form, no state change). */
export function EntryChooserPage(props: {
  meta: PageMeta;
  units: { id: number; name: string; level: string }[];
  periods: string[];
  defaultPeriod: string;
}) {
  return (
    <AdminLayout meta={props.meta} active="/quan-tri/so-lieu">
      <h1>Nhập số liệu kết quả thực hiện</h1>
      {props.units.length === 0 ? (
        <p>Bạn chưa được giao nhập số liệu cho đơn vị nào.</p>
      ) : (
        <form method="get" action="/quan-tri/so-lieu" class="inline-fields">
          <div class="field">
            <label for="f-don-vi">Đơn vị</label>
            <select id="f-don-vi" name="don-vi">
              {props.units.map((u) => (
                <option value={String(u.id)}>{unitTitle(u)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-ky">Kỳ (năm, nhiệm kỳ hoặc mã kỳ riêng)</label>
            <input id="f-ky" name="ky" value={props.defaultPeriod} list="ky-goi-y" />
            <datalist id="ky-goi-y">
              {props.periods.map((p) => (
                <option value={p} />
              ))}
            </datalist>
          </div>
          <button type="submit" class="button primary">
            Mở biểu nhập
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
