/** The library's dataset in the open-data catalogue: every public document, with its page's address. */
import type { CatalogueDataset } from "../core/open-data/catalogue.extension.js";
import { documentTypeLabel } from "./documents.model.js";
import { listAllPublicDocuments } from "./documents.repo.js";
import { documentHref } from "./documents.rules.js";

export const documentsDataset: CatalogueDataset = {
  key: "van-ban",
  title: "Văn bản chỉ đạo, điều hành",
  description:
    "Các văn bản công khai trong thư viện văn bản: số, ký hiệu, loại, trích yếu, cơ quan ban hành, người ký, ngày ban hành và ngày có hiệu lực, kèm địa chỉ trang văn bản để tải tệp.",
  keywords: ["văn bản", "chỉ đạo", "điều hành", "thông báo kết luận"],
  theme: "Chỉ đạo, điều hành",
  landingPage: "/van-ban",
  async load(db) {
    const documents = await listAllPublicDocuments(db);
    return {
      columns: [
        { key: "so_ky_hieu", label: "Số, ký hiệu" },
        { key: "loai", label: "Loại văn bản" },
        { key: "trich_yeu", label: "Trích yếu" },
        { key: "co_quan_ban_hanh", label: "Cơ quan ban hành" },
        { key: "nguoi_ky", label: "Người ký" },
        { key: "ngay_ban_hanh", label: "Ngày ban hành" },
        { key: "ngay_hieu_luc", label: "Ngày có hiệu lực" },
        { key: "trang_van_ban", label: "Trang văn bản", code: true },
      ],
      rows: documents.map((d) => ({
        so_ky_hieu: d.number,
        loai: documentTypeLabel(d.type),
        trich_yeu: d.title,
        co_quan_ban_hanh: d.issuingBody,
        nguoi_ky: d.signerName,
        ngay_ban_hanh: d.issuedOn,
        ngay_hieu_luc: d.effectiveOn,
        trang_van_ban: documentHref(d.id),
      })),
      modified: documents.reduce<string | null>(
        (max, d) => (max === null || d.updatedAt > max ? d.updatedAt : max),
        null,
      ),
    };
  },
};
