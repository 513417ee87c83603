/** The comparison's words: figures in vi-VN with the indicator's precision, the whole's heading and note. Pure. */
import { unitDisplayName } from "../../units/unit-labels.js";
import { type Indicator, precisionOf } from "../catalogue/indicator.model.js";
import { formatFigure } from "../targets-format.rules.js";
import type { CompareCell, WholeCell } from "./compare.rules.js";
import type { Comparison } from "./compare.service.js";

/** "44,4" (the unit is in the caption), "41 (ước)", "—". */
export function cellText(cell: CompareCell, indicator: Indicator): string {
  if (cell.value === null) return "—";
  const text = formatFigure(cell.value, "", precisionOf(indicator)).trim();
  return cell.estimate ? `${text} (ước)` : text;
}

/** The whole's row heading: "Quận Long Biên: tổng 14 đơn vị" / "Các đơn vị đã chọn: bình quân". */
export function wholeHeading(comparison: Comparison): string {
  const rule = comparison.table.rule;
  const who = comparison.parent ? unitDisplayName(comparison.parent) : "Các đơn vị đã chọn";
  const n = comparison.table.rows.length;
  if (rule === "none") return `${who}: không cộng gộp`;
  return `${who}: ${rule === "sum" ? "tổng" : "bình quân"} ${n} đơn vị`;
}

/** A whole's cell: its figure (marked when a plain mean stands for a weighted one), or how many units have a figure. */
export function wholeText(cell: WholeCell, indicator: Indicator, units: number): string {
  if (cell.method === null) return cell.present < units ? `Chưa đủ số liệu (${cell.present}/${units})` : "—";
  const text = cellText(cell, indicator);
  return cell.method === "mean" && indicator.valueType === "rate" ? `${text} (bq. cộng)` : text;
}

/** How the whole is made, in one sentence under the table. */
export function wholeNote(comparison: Comparison): string {
  const rule = comparison.table.rule;
  if (rule === "none") return "Chỉ tiêu dạng mốc hoàn thành: không cộng gộp giữa các đơn vị.";
  const methods = new Set(comparison.table.whole.map((w) => w.method).filter((m) => m !== null));
  const base =
    rule === "sum"
      ? "Dòng cuối: tổng số liệu của các đơn vị (chỉ tiêu số lượng, giá trị)."
      : methods.has("mean")
        ? "Dòng cuối: bình quân của các đơn vị; bình quân gia quyền theo dân số (hoặc chỉ tiêu quyền số của danh mục) khi mọi đơn vị có số đó, nếu không là bình quân cộng (bq. cộng)."
        : "Dòng cuối: bình quân gia quyền theo dân số (hoặc chỉ tiêu quyền số của danh mục).";
  return `${base} Chỉ tính khi mọi đơn vị đã có số liệu được phê duyệt của kỳ; (ước): số ước thực hiện. Bấm tiêu đề cột để sắp xếp.`;
}
