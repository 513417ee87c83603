import type { Generated } from "kysely";

/**
 * Table types of the hand-over room (bàn giao), added to the app-wide `DB`. Conventions as in
 * core/db/schema.ts: dates `YYYY-MM-DD`, instants ISO-8601 UTC text, codes in English.
 */

/**
 * One decision on one item of a unit that no longer exists: moved to a successor, split (one row per
 * successor, each naming the new directive made for it), or closed as "hết hiệu lực do sắp xếp đơn vị
 * hành chính". The item's own record changes in the same transaction; this row is what links them.
 */
export interface HandoverDecisionsTable {
  id: Generated<number>;
  /** A HandoverKind: directive | proposal | programme | target. */
  item_kind: string;
  item_id: number;
  /** The unit that no longer exists, whose item it was. */
  from_unit_id: number;
  /** A HandoverAction: move | split | close. */
  action: string;
  /** The successor that took it; null when closed. */
  to_unit_id: number | null;
  /** For a split directive: the directive made for this successor, linked to the original. */
  new_item_id: number | null;
  /** When the assigning unit no longer existed either: the unit that took over the assigning side. */
  assigning_unit_id: number | null;
  /** The legal basis of the decision ("NQ 1656/NQ-UBTVQH15"). */
  legal_basis: string;
  decided_by: number | null;
  decided_at: string;
}

export interface HandoversTables {
  handover_decisions: HandoverDecisionsTable;
}

declare module "../core/db/schema.js" {
  interface DB extends HandoversTables {}
}
