import type { Generated } from "kysely";

/**
 * Kysely table types of conclusion notices and their items, added to the app-wide `DB`.
 * Conventions as in core/db/schema.ts: dates `YYYY-MM-DD`, instants ISO-8601 UTC text, booleans 0/1,
 * codes in English (labels live in the views).
 */

/** Thông báo kết luận: "136-TB/QU" of a date, signed, usually after a session. */
export interface ConclusionNoticesTable {
  id: Generated<number>;
  session_id: number | null;
  number: string;
  issued_on: string;
  issuing_unit_id: number;
  /** Printed in the header: "QUẬN ỦY LONG BIÊN"; the body above it, if any. */
  issuing_body: string;
  parent_body: string | null;
  /** "Long Biên" in "Long Biên, ngày 05 tháng 01 năm 2020". */
  place_name: string;
  /** Trích yếu: what the notice is about. */
  title: string;
  preamble: string | null;
  signer_person_id: number | null;
  signer_name: string;
  signer_title: string;
  /** "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"…; null when the signer signs in their own name. */
  signing_authority: string | null;
  /** "Nơi nhận", one per line. */
  recipients: string | null;
  /** The Word or PDF file the notice was imported from (migration 0009). */
  source_file_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A numbered item of a notice; sub-items (a), b)) point at their parent item. */
export interface ConclusionItemsTable {
  id: Generated<number>;
  notice_id: number;
  parent_item_id: number | null;
  number: string;
  /** An AreaCode of src/directives/areas.ts. */
  area: string;
  text: string;
  sort_order: number;
}

export interface ConclusionsTables {
  conclusion_notices: ConclusionNoticesTable;
  conclusion_items: ConclusionItemsTable;
}

declare module "../core/db/schema.js" {
  interface DB extends ConclusionsTables {}
}
