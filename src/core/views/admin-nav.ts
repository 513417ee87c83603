import type { Action } from "../access/policy.js";

/**
 * The admin area's menu, grouped the way an office thinks of its work. Each module adds its entries
 * here; an entry shows only to users who may do its action somewhere, and a group only when one of
 * its entries shows.
 */
export interface AdminNavItem {
  href: string;
  label: string;
  action: Action;
}

export interface AdminNavGroup {
  label: string;
  items: AdminNavItem[];
}

export const ADMIN_NAV: AdminNavGroup[] = [
  {
    label: "Chung",
    items: [
      { href: "/quan-tri", label: "Tổng quan", action: "admin.enter" },
      { href: "/quan-tri/thong-bao", label: "Thông báo của tôi", action: "admin.enter" },
    ],
  },
  {
    label: "Chỉ tiêu, kết quả",
    items: [
      { href: "/quan-tri/so-lieu", label: "Nhập số liệu", action: "result.enter" },
      { href: "/quan-tri/phe-duyet", label: "Phê duyệt số liệu", action: "result.approve" },
      { href: "/quan-tri/danh-gia", label: "Kết quả đánh giá", action: "result.read" },
      { href: "/quan-tri/chi-tieu/so-sanh", label: "So sánh, xu hướng", action: "result.read" },
      { href: "/quan-tri/chi-tieu", label: "Danh mục chỉ tiêu", action: "indicator.manage" },
      // target.plan: the office above assigns; a unit records its council's and its own targets.
      { href: "/quan-tri/chi-tieu/giao", label: "Giao chỉ tiêu", action: "target.plan" },
    ],
  },
  {
    label: "Thi đua, khen thưởng",
    items: [
      { href: "/quan-tri/danh-gia-phong-ban", label: "Đánh giá của phòng, ban", action: "assessment.write" },
      { href: "/quan-tri/thi-dua", label: "Chấm điểm thi đua", action: "emulation.self_score" },
      { href: "/quan-tri/thi-dua?buoc=tham-dinh", label: "Thẩm định thi đua", action: "emulation.review" },
      { href: "/quan-tri/xep-loai", label: "Xếp loại chất lượng", action: "emulation.council" },
      { href: "/quan-tri/khen-thuong", label: "Đề nghị khen thưởng", action: "award.propose" },
      { href: "/xep-hang", label: "Xếp hạng thi đua", action: "result.read" },
    ],
  },
  {
    label: "Làm việc, chỉ đạo",
    items: [
      { href: "/quan-tri/buoi-lam-viec", label: "Buổi làm việc", action: "admin.enter" },
      { href: "/quan-tri/lich-lam-viec", label: "Lịch làm việc", action: "admin.enter" },
      { href: "/quan-tri/chuong-trinh-cong-tac", label: "Chương trình công tác", action: "admin.enter" },
      { href: "/quan-tri/nhiem-vu", label: "Nhiệm vụ", action: "admin.enter" },
      {
        href: "/quan-tri/nhiem-vu?gia_han=cho_duyet",
        label: "Đề nghị gia hạn",
        action: "directive.decide_extension",
      },
      { href: "/quan-tri/theo-doi", label: "Theo dõi nhiệm vụ", action: "admin.enter" },
      { href: "/quan-tri/kien-nghi", label: "Kiến nghị, đề xuất", action: "admin.enter" },
      { href: "/quan-tri/phan-anh", label: "Phản ánh của người dân", action: "feedback.handle" },
      { href: "/quan-tri/ban-giao", label: "Bàn giao công việc", action: "handover.decide" },
    ],
  },
  {
    label: "Cổng thông tin",
    items: [
      { href: "/quan-tri/bai-viet", label: "Bài viết", action: "article.create" },
      { href: "/quan-tri/thu-vien-anh", label: "Thư viện ảnh", action: "media.upload" },
      { href: "/quan-tri/album-anh", label: "Album ảnh", action: "article.publish" },
      { href: "/quan-tri/chuyen-muc", label: "Chuyên mục", action: "article.publish" },
      { href: "/quan-tri/van-ban", label: "Thư viện văn bản", action: "document.manage" },
      { href: "/quan-tri/don-vi", label: "Hồ sơ đơn vị", action: "unit.update" },
      { href: "/quan-tri/lich-cong-tac", label: "Lịch công tác lãnh đạo", action: "calendar.manage" },
      { href: "/quan-tri/cong-thong-tin", label: "Thông tin cổng", action: "site.manage" },
    ],
  },
  {
    label: "Hệ thống",
    items: [
      { href: "/quan-tri/nguoi-dung", label: "Người dùng", action: "user.manage" },
      { href: "/quan-tri/nhat-ky", label: "Nhật ký thay đổi", action: "audit.read" },
      { href: "/quan-tri/tai-khoan", label: "Tài khoản của tôi", action: "admin.enter" },
    ],
  },
];
