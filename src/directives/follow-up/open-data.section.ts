/**
 * Directives' progress as a dataset of the open-data catalogue: per lead unit and year assigned, how
 * many directives there are and how many stand at each timeliness, by the follow-up's own rule. Counts
 * only: no title, text or person of any directive leaves the office this way.
 */
import type { CatalogueDataset, DatasetValue } from "../../core/open-data/catalogue.extension.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { TIMELINESS_LABELS } from "../directives.model.js";
import { TIMELINESS } from "../timeliness.rules.js";
import { sqlClock } from "../timeliness-sql.js";
import { latestDirectiveChange, listDirectiveProgress } from "./open-data.repo.js";

export const directivesDataset: CatalogueDataset = {
  key: "tien-do-nhiem-vu",
  title: "Tiến độ thực hiện nhiệm vụ được giao",
  description:
    "Số nhiệm vụ (từ kết luận của các buổi làm việc) theo đơn vị chủ trì và năm giao: tổng số và số nhiệm vụ ở từng tình trạng thời hạn (hoàn thành đúng hạn, quá hạn, trong hạn…), tính đến ngày tải về. Chỉ gồm số đếm, không gồm nội dung nhiệm vụ.",
  keywords: ["nhiệm vụ", "kết luận", "tiến độ", "chỉ đạo"],
  theme: "Chỉ đạo, điều hành",
  async load(db, now) {
    const [rows, modified] = await Promise.all([
      listDirectiveProgress(db, sqlClock(now)),
      latestDirectiveChange(db),
    ]);
    const groups = new Map<string, Record<string, DatasetValue>>();
    for (const r of rows) {
      const unit = unitDisplayName({ name: r.unitName, level: r.unitLevel });
      const key = `${unit}\u0000${r.year}`;
      let g = groups.get(key);
      if (!g) {
        g = {
          don_vi_chu_tri: unit,
          nam_giao: r.year,
          tong_so: 0,
          ...Object.fromEntries(TIMELINESS.map((t) => [t, 0])),
        };
        groups.set(key, g);
      }
      g.tong_so = Number(g.tong_so) + 1;
      g[r.timeliness] = Number(g[r.timeliness] ?? 0) + 1;
    }
    return {
      columns: [
        { key: "don_vi_chu_tri", label: "Đơn vị chủ trì" },
        { key: "nam_giao", label: "Năm giao" },
        { key: "tong_so", label: "Tổng số nhiệm vụ" },
        ...TIMELINESS.map((t) => ({ key: t, label: TIMELINESS_LABELS[t] })),
      ],
      rows: [...groups.values()].sort(
        (a, b) =>
          String(a.nam_giao).localeCompare(String(b.nam_giao)) ||
          String(a.don_vi_chu_tri).localeCompare(String(b.don_vi_chu_tri), "vi"),
      ),
      modified,
    };
  },
};
