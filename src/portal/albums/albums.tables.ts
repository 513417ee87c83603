import type { Generated } from "kysely";

/**
 * Photo albums of the portal (thư viện ảnh): an album of a unit with its photos in order, each with
 * the caption and alt text it has in the album. Photos are media-library rows (`media`), so files are
 * stored once and reused. Merged into `DB`; conventions as in schema.ts.
 */

export interface AlbumsTable {
  id: Generated<number>;
  unit_id: number;
  slug: string;
  title: string;
  description: string | null;
  /** 1 when readers see it at /thu-vien-anh/<slug>. */
  published: number;
  /** When it was first published (ISO-8601 UTC); the public list is ordered by it. */
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface AlbumPhotosTable {
  id: Generated<number>;
  album_id: number;
  media_id: number;
  caption: string;
  alt_text: string;
  /** 1, 2, 3… in the album's order. */
  sort_order: number;
}

export interface AlbumTables {
  albums: AlbumsTable;
  album_photos: AlbumPhotosTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends AlbumTables {}
}
