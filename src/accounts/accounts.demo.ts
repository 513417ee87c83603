/**
 * Demo data: the accounts listed in the README. The password is public on purpose: a demo database
 * must never hold real data or be reachable from the internet.
 */

import type { Role } from "../core/access/roles.js";

/** The password of every demo account. */
export const DEMO_PASSWORD = "giaoban2020";

export interface DemoAccount {
  username: string;
  displayName: string;
  grants: { role: Role; unitKey: string }[];
}

/** Grants start on this date and have no end. */
export const DEMO_GRANTS_FROM = "2019-01-01";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: "admin",
    displayName: "Quản trị hệ thống",
    grants: [{ role: "system_admin", unitKey: "city:ha-noi" }],
  },
  {
    username: "vanphong.longbien",
    displayName: "Văn phòng Quận ủy Long Biên",
    grants: [
      { role: "unit_admin", unitKey: "district:long-bien" },
      { role: "leader", unitKey: "district:long-bien" },
      { role: "data_officer", unitKey: "district:long-bien" },
    ],
  },
  {
    username: "thuongthanh",
    displayName: "Cán bộ phường Thượng Thanh",
    grants: [
      { role: "unit_admin", unitKey: "ward:thuong-thanh" },
      { role: "data_officer", unitKey: "ward:thuong-thanh" },
      { role: "writer", unitKey: "ward:thuong-thanh" },
    ],
  },
  {
    username: "bientap",
    displayName: "Biên tập viên cổng thông tin",
    grants: [{ role: "editor", unitKey: "district:long-bien" }],
  },
  {
    username: "yte.longbien",
    displayName: "Cán bộ Phòng Y tế quận Long Biên",
    grants: [{ role: "department_officer", unitKey: "district:long-bien" }],
  },
];

/** Grants of the present-day accounts start with the two-level local government (domain.md §5). */
export const PRESENT_GRANTS_FROM = "2025-07-01";

/**
 * The accounts of today's story (December 2026): they work on units that exist now, phường Việt Hưng
 * and Hà Nội itself, and are loaded with the present-day demo only (src/demo/load-present.ts).
 */
export const PRESENT_DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: "viethung",
    displayName: "Văn phòng HĐND và UBND phường Việt Hưng",
    grants: [
      { role: "unit_admin", unitKey: "new-ward:viet-hung" },
      { role: "data_officer", unitKey: "new-ward:viet-hung" },
      { role: "writer", unitKey: "new-ward:viet-hung" },
    ],
  },
  {
    username: "lanhdao.viethung",
    displayName: "Lãnh đạo UBND phường Việt Hưng",
    grants: [{ role: "leader", unitKey: "new-ward:viet-hung" }],
  },
  {
    username: "ubnd.hanoi",
    displayName: "Văn phòng UBND Thành phố Hà Nội",
    grants: [
      { role: "unit_admin", unitKey: "city:ha-noi" },
      { role: "leader", unitKey: "city:ha-noi" },
    ],
  },
];
