import type { Generated } from "kysely";

/**
 * Kysely table types of published conclusion notices, added to the app-wide `DB` (migration 0016).
 * Conventions as in core/db/schema.ts: instants ISO-8601 UTC text, booleans 0/1.
 */

/** A notice its owner published on the portal (`/ket-luan/{id}`); no row means internal. */
export interface NoticePublicationsTable {
  id: Generated<number>;
  notice_id: number;
  /** 1: the public part of the progress reports is shown under each item. */
  show_reports: number;
  published_by: number | null;
  published_at: string;
  updated_at: string;
}

/** The items of a published notice that readers see (an item left out stays internal). */
export interface NoticePublicItemsTable {
  id: Generated<number>;
  notice_id: number;
  item_id: number;
}

export interface PublicNoticesTables {
  notice_publications: NoticePublicationsTable;
  notice_public_items: NoticePublicItemsTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends PublicNoticesTables {}
}
