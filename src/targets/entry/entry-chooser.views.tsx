import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerSelect } from "../../core/views/picker.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { unitTitle } from "../unit-wording.rules.js";

export interface ChooserText {
  heading: string;
  /** The GET form's action, also the admin menu entry it belongs to. */
  action: string;
  submit: string;
  /** Shown when the user has no unit to choose. */
  empty: string;
}

/** Picks a unit and a period (GET form, no state change): to enter figures, or to read an evaluation. */
export function UnitPeriodChooserPage(props: {
  meta: PageMeta;
  text: ChooserText;
  units: UnitName[];
  periods: string[];
  defaultPeriod: string;
}) {
  const { text } = props;
  return (
    <AdminLayout meta={props.meta} active={text.action}>
      <h1>{text.heading}</h1>
      {props.units.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <form method="get" action={text.action} class="inline-fields">
          <div class="field">
            <label for="f-don-vi">Đơn vị</label>
            <PickerSelect
              id="f-don-vi"
              name="don-vi"
              groups={unitPickerGroups(props.units, props.meta.today, unitTitle)}
            />
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
            {text.submit}
          </button>
        </form>
      )}
    </AdminLayout>
  );
}

export const ENTRY_CHOOSER: ChooserText = {
  heading: "Nhập số liệu kết quả thực hiện",
  action: "/quan-tri/so-lieu",
  submit: "Mở biểu nhập",
  empty: "Bạn chưa được giao nhập số liệu cho đơn vị nào.",
};

export const EVALUATION_CHOOSER: ChooserText = {
  heading: "Kết quả thực hiện chỉ tiêu",
  action: "/quan-tri/danh-gia",
  submit: "Xem đánh giá",
  empty: "Bạn chưa được giao theo dõi số liệu của đơn vị nào.",
};
