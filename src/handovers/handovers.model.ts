/**
 * The words of the hand-over (bàn giao): what kinds of open work a unit that no longer exists leaves
 * behind, what may be decided about each item, and the Vietnamese labels of both.
 */

export const HANDOVER_KINDS = ["directive", "proposal", "programme", "target"] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

export const HANDOVER_ACTIONS = ["move", "split", "close"] as const;
export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];

export const KIND_LABELS: Record<HandoverKind, string> = {
  directive: "Nhiệm vụ",
  proposal: "Kiến nghị, đề xuất",
  programme: "Chương trình công tác",
  target: "Chỉ tiêu",
};

export const ACTION_LABELS: Record<HandoverAction, string> = {
  move: "Chuyển cho đơn vị kế thừa",
  split: "Chia cho các đơn vị kế thừa",
  close: "Hết hiệu lực do sắp xếp đơn vị hành chính",
};

/** A unit as the queue names it. */
export interface UnitRef {
  unitId: number;
  name: string;
  level: string;
}

/** A successor proposed from the succession links, with the share and legal basis of the link. */
export interface ProposedSuccessor extends UnitRef {
  /** Fraction 0–1 of the old unit's population that went there (multiplied along a chain); null when not recorded. */
  populationShare: number | null;
  legalBasis: string | null;
}

/** One open item of a unit that no longer exists, waiting for a decision. */
export interface QueueItem {
  kind: HandoverKind;
  id: number;
  title: string;
  /** The unit that no longer exists, with its last day. */
  fromUnit: UnitRef & { validTo: string };
  proposedSuccessors: ProposedSuccessor[];
}

/** A decision on one item, as the API and the page send it. */
export interface HandoverDecision {
  kind: HandoverKind;
  id: number;
  action: HandoverAction;
  /** move: one successor; split: two or more; close: none. */
  toUnitIds: number[];
  legalBasis: string;
  /**
   * For a directive whose assigning unit no longer exists either: who takes the assigning side (the
   * successor itself or a unit above it, the province). Default: the successor.
   */
  assigningUnitId?: number | null;
}
