/**
 * Demo data of the present-day story (December 2026): the draft phường Việt Hưng's office is writing
 * about the city's working session with the ward. Invented for the demo (it says so in its text); a
 * draft, so the portal's "Tin mới nhất" still opens on the reference article.
 */
import type { DemoBlock } from "./articles.demo.js";

export interface DemoDraft {
  slug: string;
  title: string;
  lead: string | null;
  blocks: DemoBlock[];
  /** When it was last saved (ISO instant, UTC). */
  savedAt: string;
  unitKey: string;
  categorySlug: string;
  authorUsername: string;
}

export const DEMO_DRAFTS_2026: DemoDraft[] = [
  {
    slug: "pho-chu-tich-ubnd-thanh-pho-lam-viec-voi-phuong-viet-hung",
    title: "Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng",
    lead: "Chiều 18/3/2026, đồng chí Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng về kết quả thực hiện nhiệm vụ năm 2025 và vận hành chính quyền địa phương hai cấp. (Bài viết minh họa của dữ liệu mẫu.)",
    blocks: [
      {
        kind: "p",
        text: "Năm 2025, phường hoàn thành 9/9 chỉ tiêu được Thành phố giao; thu ngân sách trên địa bàn đạt 107,2% dự toán.",
      },
      {
        kind: "p",
        text: "Kết luận buổi làm việc, đồng chí Phó Chủ tịch UBND Thành phố đề nghị phường tập trung 8 nhóm nhiệm vụ trọng tâm năm 2026, trong đó xử lý dứt điểm các công trình vi phạm trật tự xây dựng tồn tại từ trước khi sắp xếp đơn vị hành chính.",
      },
    ],
    savedAt: "2026-03-19T03:00:00.000Z",
    unitKey: "new-ward:viet-hung",
    categorySlug: "hoat-dong-cac-phuong",
    authorUsername: "viethung",
  },
];
