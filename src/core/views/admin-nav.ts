import type { Action } from "../../accounts/policy.js";

/**
 * The admin area's menu. Each module adds its entries here; an entry shows only to users who may do
 * its action somewhere.
 */
export interface AdminNavItem {
  href: string;
  label: string;
  action: Action;
}

export const ADMIN_NAV: AdminNavItem[] = [
  { href: "/quan-tri", label: "Tổng quan", action: "admin.enter" },
  { href: "/quan-tri/bai-viet", label: "Bài viết", action: "article.create" },
  { href: "/quan-tri/don-vi", label: "Hồ sơ đơn vị", action: "unit.update" },
  { href: "/quan-tri/danh-gia-phong-ban", label: "Đánh giá của phòng, ban", action: "assessment.write" },
  { href: "/quan-tri/thi-dua", label: "Chấm điểm thi đua", action: "emulation.self_score" },
  { href: "/quan-tri/thi-dua?buoc=tham-dinh", label: "Thẩm định thi đua", action: "emulation.review" },
  { href: "/quan-tri/xep-loai", label: "Xếp loại chất lượng", action: "emulation.council" },
  { href: "/quan-tri/khen-thuong", label: "Đề nghị khen thưởng", action: "award.propose" },
  { href: "/quan-tri/nguoi-dung", label: "Người dùng", action: "user.manage" },
  { href: "/quan-tri/nhat-ky", label: "Nhật ký thay đổi", action: "audit.read" },
  { href: "/quan-tri/tai-khoan", label: "Tài khoản của tôi", action: "admin.enter" },
];
