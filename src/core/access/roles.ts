/** The roles a user can be granted on a unit; a grant also covers the unit's descendants. */
export const ROLES = [
  "system_admin",
  "unit_admin",
  "editor",
  "writer",
  "data_officer",
  "department_officer",
  "leader",
  "viewer",
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: "Quản trị hệ thống",
  unit_admin: "Quản trị đơn vị",
  editor: "Biên tập viên",
  writer: "Người viết bài",
  data_officer: "Cán bộ nhập số liệu",
  department_officer: "Cán bộ phòng, ban",
  leader: "Lãnh đạo",
  viewer: "Người xem",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
