/**
 * The emulation part of the present-day story (2026): phường Việt Hưng scores its residential groups
 * on a small 100-point scheme of its own; the groups' self-assessment came in late November and the
 * ward's emulation council fixed the points on 04/12/2026. ILLUSTRATIVE throughout (scheme, criteria
 * and every point invented for the demo, marked "minh họa" where shown). Pure data: no I/O.
 */
import type { DemoCriterion } from "./emulation.demo.js";

export const GROUP_SCHEME_2026 = {
  name: "Bảng chấm điểm thi đua các tổ dân phố năm 2026 (minh họa)",
  periodKey: "2026",
  maxPoints: 100,
  createdAt: "2026-02-10T02:00:00.000Z",
  selfAt: "2026-11-25T03:00:00.000Z",
  councilAt: "2026-12-04T03:00:00.000Z",
};

/** 100 points = 90 for the group's tasks + 10 bonus. */
export const GROUP_CRITERIA_2026: DemoCriterion[] = [
  { code: "A", parent: null, name: "Thực hiện nhiệm vụ của tổ dân phố", kind: "group", max: 90 },
  { code: "A.1", parent: "A", name: "Gia đình văn hóa, tổ dân phố văn hóa", kind: "manual", max: 30 },
  { code: "A.2", parent: "A", name: "Vệ sinh môi trường, trật tự đô thị", kind: "manual", max: 30 },
  { code: "A.3", parent: "A", name: "An ninh trật tự, phòng cháy, chữa cháy", kind: "manual", max: 30 },
  { code: "B", parent: null, name: "Điểm thưởng", kind: "group", max: 10 },
  {
    code: "B.1",
    parent: "B",
    name: "Mô hình, cách làm hay được phường biểu dương",
    kind: "bonus",
    max: 10,
    fixed: 5,
  },
];

/** Points of A.1, A.2, A.3 and B.1, as each group gave itself and as the ward's council fixed them. */
export const GROUP_SCORES_2026: { group: string; self: number[]; council: number[] }[] = [
  { group: "Lệ Mật", self: [29, 28, 28, 5], council: [28, 27, 28, 5] },
  { group: "Trường Lâm", self: [28, 27, 29, 0], council: [27, 27, 28, 0] },
  { group: "Kim Quan", self: [27, 28, 27, 0], council: [25, 26, 27, 0] },
  { group: "Ô Cách", self: [28, 29, 28, 5], council: [28, 28, 27, 5] },
];
