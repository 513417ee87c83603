/** A deadline in words, as notices and lists print it ("trong năm 2020", "trước ngày 30/06/2020"). */
import { formatDateVi } from "../core/format/vi-date.js";
import { type Deadline, lastDayCovered } from "./deadline.js";

const ROMAN = ["I", "II", "III", "IV"];

export function deadlineText(d: Pick<Deadline, "kind" | "date">): string {
  if (d.kind === "recurring") return "thường xuyên";
  if (d.kind === "none") return "không thời hạn";
  const end = lastDayCovered(d.kind, d.date);
  if (end === null) return "chưa xác định ngày";
  const [y, m] = end.split("-");
  switch (d.kind) {
    case "date":
      return `trước ngày ${formatDateVi(end)}`;
    case "month":
      return `trong tháng ${m}/${y}`;
    case "quarter":
      return `trong quý ${ROMAN[Math.ceil(Number(m) / 3) - 1]}/${y}`;
    case "year":
      return `trong năm ${y}`;
    case "term":
      return `trong nhiệm kỳ (đến ${formatDateVi(end)})`;
  }
}
