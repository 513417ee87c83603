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
  { href: "/quan-tri/nguoi-dung", label: "Người dùng", action: "user.manage" },
  { href: "/quan-tri/nhat-ky", label: "Nhật ký thay đổi", action: "audit.read" },
  { href: "/quan-tri/tai-khoan", label: "Tài khoản của tôi", action: "admin.enter" },
];
