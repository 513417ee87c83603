import { loadExcelJs } from "../../core/lazy-libraries.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { periodLabel } from "../emulation-period.rules.js";
import { describeRank } from "./ranking.math.js";
import type { Ranking } from "./ranking.service.js";
import { basisText } from "./ranking-wording.rules.js";

const HEADERS = ["Hạng", "Đồng hạng", "Đơn vị", "Điểm", "Kết quả"];
/** The first data row: title, scope, basis, a blank line and the header come before it. */
export const RANKING_FIRST_ROW = 6;

export async function buildRankingWorkbook(ranking: Ranking): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = "giaoban";
  const ws = workbook.addWorksheet("Xep hang");
  const scope = `${ranking.cluster ? `${ranking.cluster.name}, ` : ""}các đơn vị thuộc ${unitDisplayName(ranking.parent)}`;
  ws.getCell("A1").value = `XẾP HẠNG THI ĐUA ${periodLabel(ranking.periodKey).toLocaleUpperCase("vi-VN")}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value =
    `${scope.charAt(0).toLocaleUpperCase("vi-VN")}${scope.slice(1)}; ${ranking.total} đơn vị được xếp hạng.`;
  ws.getCell("A3").value = basisText(ranking);
  ws.getCell("A3").alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells("A3:E3");
  ws.getRow(3).height = 45;
  const header = ws.getRow(RANKING_FIRST_ROW - 1);
  header.values = HEADERS;
  header.font = { bold: true };
  ws.columns = [{ width: 8 }, { width: 12 }, { width: 32 }, { width: 12 }, { width: 36 }];
  ranking.rows.forEach((r, i) => {
    const row = ws.getRow(RANKING_FIRST_ROW + i);
    row.values = [
      r.rank,
      r.tied ? "Đồng hạng" : null,
      unitDisplayName(r.unit),
      r.score,
      r.rank === null
        ? "Chưa đủ điểm để xếp hạng"
        : describeRank({ rank: r.rank, tied: r.tied }, ranking.total),
    ];
    row.getCell(4).numFmt = "#,##0.##";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
