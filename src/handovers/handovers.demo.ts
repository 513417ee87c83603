/**
 * Demo data of the hand-over: in July 2025, after NQ 1656/NQ-UBTVQH15 took effect on 01/07/2025, part
 * of the open work of the former phường Thượng Thanh has been taken over and part still waits.
 *
 * Illustrative: which directive went where and the date of the decisions (the resolution and the
 * successions are real, see units.demo.ts; the decisions are not taken from any document). Items are
 * named by the start of their title, as the reference story's directives are read from the article.
 */

export interface DemoHandoverDecision {
  /** The start of the directive's title (unique among the old ward's open directives). */
  titleStarts: string;
  /** Demo unit keys of units.demo.ts: one to move, two or more to split. */
  toKeys: string[];
}

export const DEMO_HANDOVER = {
  fromKey: "ward:thuong-thanh",
  /** When the decisions were taken (Vietnam time); the demo applies them only once this has passed. */
  decidedAt: "2025-07-15T09:00:00+07:00",
  legalBasis: "NQ 1656/NQ-UBTVQH15",
  /** Who decides: the city office (the level above both receiving wards, so it may split between them), else the system administrator. */
  deciders: ["ubnd.hanoi", "admin"],
  decisions: [
    // Administrative reform and fire prevention stay with the area that became Việt Hưng.
    { titleStarts: "Duy trì nề nếp có hiệu quả mô hình bộ phận", toKeys: ["new-ward:viet-hung"] },
    { titleStarts: "thường xuyên tăng cường kiểm tra, xử lý triệt để", toKeys: ["new-ward:viet-hung"] },
    // Urban order is the work of both wards that received parts of the old one.
    {
      titleStarts: "Duy trì công tác đảm bảo trật tự đô thị",
      toKeys: ["new-ward:viet-hung", "new-ward:bo-de"],
    },
  ] satisfies DemoHandoverDecision[],
  // Still waiting: the land directive due 30/09/2020, the party committee's directive, the
  // directive on the procedures, and the proposal on the secondary school.
} as const;
