/** The approved results of public indicators, per unit, indicator and year, as a dataset of the catalogue. */
import { vnDateString } from "../../core/format/vi-date.js";
import type { CatalogueDataset } from "../../core/open-data/catalogue.extension.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { listApprovedYearFigures } from "./open-data.repo.js";

const VERSION_LABELS: Record<string, string> = { final: "Chính thức", estimate: "Ước thực hiện" };

export const resultsDataset: CatalogueDataset = {
  key: "ket-qua-chi-tieu",
  title: "Kết quả thực hiện chỉ tiêu theo năm",
  description:
    "Số liệu thực hiện các chỉ tiêu công khai của từng đơn vị theo năm, chỉ gồm số liệu đã được cấp trên phê duyệt (chính thức hoặc ước thực hiện, ghi rõ ở mỗi dòng).",
  keywords: ["chỉ tiêu", "kinh tế - xã hội", "thu ngân sách", "kết quả thực hiện"],
  theme: "Kinh tế - xã hội",
  landingPage: "/don-vi",
  async load(db) {
    const figures = await listApprovedYearFigures(db);
    return {
      columns: [
        { key: "don_vi", label: "Đơn vị" },
        { key: "nam", label: "Năm" },
        { key: "ma_chi_tieu", label: "Mã chỉ tiêu", code: true },
        { key: "chi_tieu", label: "Chỉ tiêu" },
        { key: "linh_vuc", label: "Lĩnh vực" },
        { key: "thuc_hien", label: "Thực hiện" },
        { key: "don_vi_tinh", label: "Đơn vị tính" },
        { key: "loai_so_lieu", label: "Loại số liệu" },
        { key: "ngay_phe_duyet", label: "Ngày phê duyệt" },
      ],
      rows: figures.map((f) => ({
        don_vi: unitDisplayName({ name: f.unitName, level: f.unitLevel }),
        nam: f.year,
        ma_chi_tieu: f.indicatorCode,
        chi_tieu: f.indicatorName,
        linh_vuc: f.field,
        thuc_hien: f.value,
        don_vi_tinh: f.unitOfMeasure,
        loai_so_lieu: VERSION_LABELS[f.version] ?? f.version,
        ngay_phe_duyet: f.approvedAt ? vnDateString(f.approvedAt) : null,
      })),
      modified: figures.reduce<string | null>(
        (max, f) => (max === null || f.updatedAt > max ? f.updatedAt : max),
        null,
      ),
    };
  },
};
