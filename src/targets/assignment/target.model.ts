/**
 * Who assigned a target and what kind of target it is, with their Vietnamese labels. Pure: no I/O.
 * Reports cite one figure against several targets ("đạt 111% dự toán cấp trên giao, đạt 105,7% dự toán
 * HĐND phường giao", domain.md §9); each is kept and evaluated on its own.
 */

/** higher: the level above (cấp trên giao); council: the People's Council's resolution (HĐND giao); own: the unit's own plan. */
export const ASSIGNERS = ["higher", "council", "own"] as const;
export type AssignedBy = (typeof ASSIGNERS)[number];

/**
 * The order in which targets are shown side by side, and which one the evaluation's status, the
 * summary and the ranking judge by when several exist: the level above's first, as the office above
 * evaluates and ranks its units by what it assigned.
 */
export const ASSIGNER_ORDER: readonly AssignedBy[] = ASSIGNERS;

export const ASSIGNER_LABELS: Record<AssignedBy, string> = {
  higher: "Cấp trên giao",
  council: "HĐND giao",
  own: "Kế hoạch của đơn vị",
};

/** How a target is named inside a sentence: "đạt 111% chỉ tiêu cấp trên giao". */
export const ASSIGNER_PHRASES: Record<AssignedBy, string> = {
  higher: "chỉ tiêu cấp trên giao",
  council: "chỉ tiêu HĐND giao",
  own: "kế hoạch của đơn vị",
};

/**
 * level: the level as given, judged by the indicator's direction; at_least / at_most: a floor or a
 * ceiling set by this target whatever the indicator's direction ("ít nhất 50 tỷ", "không quá 3%");
 * reduction_pct / reduction_amount: a reduction from `baseline`, by a percentage of it ("giảm 1,5% số
 * hộ nghèo") or by an amount in the indicator's unit (points for a rate); sub_targets: at least
 * `value` of `sub_total` sub-targets met ("đạt 19/19 tiêu chí"), the figure being how many are met.
 */
export const TARGET_KINDS = [
  "level",
  "at_least",
  "at_most",
  "reduction_pct",
  "reduction_amount",
  "sub_targets",
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  level: "Mức chỉ tiêu (theo chiều đánh giá của chỉ tiêu)",
  at_least: "Không thấp hơn (ít nhất)",
  at_most: "Không vượt quá (nhiều nhất)",
  reduction_pct: "Giảm một tỷ lệ % so với mức gốc",
  reduction_amount: "Giảm một lượng so với mức gốc",
  sub_targets: "Số chỉ tiêu thành phần đạt (n/m)",
};
