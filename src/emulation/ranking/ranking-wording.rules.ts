/** How a ranking's score was made, in the words the page and the spreadsheet print. Pure. */
import { formatViNumber } from "../../core/format/vi-number.js";
import type { Ranking } from "./ranking.service.js";

export function basisText(ranking: Ranking): string {
  if (ranking.basis === "emulation" && ranking.scheme) {
    return `Điểm là tổng điểm cuối cùng do Hội đồng thi đua chấm theo "${ranking.scheme.name}" (tối đa ${formatViNumber(ranking.scheme.maxPoints)} điểm). Chỉ xếp hạng đơn vị đã được Hội đồng chấm đủ các tiêu chí.`;
  }
  if (ranking.basis === "evaluation") {
    return "Chưa có bảng chấm điểm thi đua cho kỳ này: điểm tính từ kết quả thực hiện các chỉ tiêu đã được duyệt (thang 100: một nửa theo tỷ lệ chỉ tiêu đạt, một nửa theo tỷ lệ chỉ tiêu vượt).";
  }
  return "Chưa có bảng chấm điểm thi đua và chưa có kết quả chỉ tiêu được duyệt cho kỳ này.";
}
