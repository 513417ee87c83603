/**
 * Documents of the demo's library besides the notices published from giaoban (136-TB/QU of 2020 and
 * 112/TB-VP of 2026, published by the loader from their notice pages' use case). These are real
 * documents the stories rest on, with their real numbers, dates, bodies and summaries:
 * - HD 36-HD/VPTW and NĐ 30/2020/NĐ-CP: the two rule sets of document formats (docs/domain, §6 and §8;
 *   conclusions/document-format.rules.ts);
 * - NQ 1656/NQ-UBTVQH15 of 16/6/2025: the reorganisation of Hà Nội's communes and wards, cited by
 *   phường Bồ Đề's portal (https://bode.hanoi.gov.vn/cai-cach-hanh-chinh/nhung-diem-sang-trong-cong-tac-cai-cach-hanh-chinh-phuong-bo-de-sau-khi-sap-nhap-2831250916164424399.htm);
 * - QĐ 366-QĐ/TW of 30/8/2025: the quality levels of collectives (emulation/awards/quality-rule-sets.rules.ts).
 * They come from outside bodies, so they name the body in words and are kept in the library of the
 * unit whose staff filed them. No file is attached: the library links only files it holds.
 */
import type { DocumentType } from "./documents.model.js";

export interface DemoDocument {
  /** The demo key of the unit whose library holds it. */
  unitKey: string;
  /** The account that files it (an office of that unit). */
  filedBy: string;
  type: DocumentType;
  number: string;
  title: string;
  issuingBody: string;
  signerName: string | null;
  signerTitle: string | null;
  issuedOn: string;
  effectiveOn: string | null;
  /** When the office filed it in the library (on or after the day it was issued and its account's grants began). */
  filedOn: string;
}

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    unitKey: "district:long-bien",
    filedBy: "vanphong.longbien",
    type: "guidance",
    number: "36-HD/VPTW",
    title: "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng",
    issuingBody: "Văn phòng Trung ương Đảng",
    signerName: null,
    signerTitle: null,
    issuedOn: "2018-04-03",
    effectiveOn: null,
    filedOn: "2019-01-02",
  },
  {
    unitKey: "district:long-bien",
    filedBy: "vanphong.longbien",
    type: "decree",
    number: "30/2020/NĐ-CP",
    title: "Nghị định về công tác văn thư",
    issuingBody: "Chính phủ",
    signerName: "Nguyễn Xuân Phúc",
    signerTitle: "Thủ tướng Chính phủ",
    issuedOn: "2020-03-05",
    effectiveOn: "2020-03-05",
    filedOn: "2020-03-06",
  },
  {
    unitKey: "city:ha-noi",
    filedBy: "ubnd.hanoi",
    type: "resolution",
    number: "1656/NQ-UBTVQH15",
    title: "Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội năm 2025",
    issuingBody: "Ủy ban Thường vụ Quốc hội",
    signerName: null,
    signerTitle: null,
    issuedOn: "2025-06-16",
    effectiveOn: "2025-07-01",
    filedOn: "2025-07-01",
  },
  {
    unitKey: "city:ha-noi",
    filedBy: "ubnd.hanoi",
    type: "regulation",
    number: "366-QĐ/TW",
    // The title as the press cites it (it replaced QĐ 124-QĐ/TW of the same name, "hằng năm" aside).
    title:
      "Quy định về kiểm điểm và đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị",
    issuingBody: "Ban Chấp hành Trung ương",
    signerName: null,
    signerTitle: null,
    issuedOn: "2025-08-30",
    effectiveOn: null,
    filedOn: "2025-09-03",
  },
];
