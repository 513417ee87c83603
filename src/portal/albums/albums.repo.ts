import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** SQL of photo albums (albums, album_photos); photos come from the media library. */

export interface AlbumRow {
  id: number;
  unitId: number;
  slug: string;
  title: string;
  description: string | null;
  published: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlbumPhotoRow {
  mediaId: number;
  caption: string;
  altText: string;
  sortOrder: number;
  /** The photo's main file. */
  storageKey: string;
  /** The narrowest stored copy (the main file when none was recorded). */
  previewKey: string;
}

export interface AlbumFields {
  unitId: number;
  slug: string;
  title: string;
  description: string | null;
  published: boolean;
  publishedAt: string | null;
}

function albumQuery(db: Kysely<DB>) {
  return db.selectFrom("albums").selectAll();
}

type Row = Awaited<ReturnType<ReturnType<typeof albumQuery>["executeTakeFirstOrThrow"]>>;

function toAlbum(r: Row): AlbumRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    published: Number(r.published) === 1,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findAlbumById(db: Kysely<DB>, id: number): Promise<AlbumRow | undefined> {
  const row = await albumQuery(db).where("id", "=", id).executeTakeFirst();
  return row ? toAlbum(row) : undefined;
}

export async function findAlbumBySlug(db: Kysely<DB>, slug: string): Promise<AlbumRow | undefined> {
  const row = await albumQuery(db).where("slug", "=", slug).executeTakeFirst();
  return row ? toAlbum(row) : undefined;
}

export async function albumSlugTaken(
  db: Kysely<DB>,
  slug: string,
  exceptId: number | null,
): Promise<boolean> {
  let query = db.selectFrom("albums").select("id").where("slug", "=", slug);
  if (exceptId !== null) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertAlbum(
  db: Kysely<DB>,
  album: AlbumFields & { createdBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto("albums")
    .values({
      unit_id: album.unitId,
      slug: album.slug,
      title: album.title,
      description: album.description,
      published: album.published ? 1 : 0,
      published_at: album.publishedAt,
      created_by: album.createdBy,
      created_at: album.now,
      updated_at: album.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAlbumRow(db: Kysely<DB>, id: number, album: AlbumFields & { now: string }) {
  await db
    .updateTable("albums")
    .set({
      unit_id: album.unitId,
      slug: album.slug,
      title: album.title,
      description: album.description,
      published: album.published ? 1 : 0,
      published_at: album.publishedAt,
      updated_at: album.now,
    })
    .where("id", "=", id)
    .execute();
}

export async function deleteAlbumRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom("album_photos").where("album_id", "=", id).execute();
  await db.deleteFrom("albums").where("id", "=", id).execute();
}

/** Puts exactly these photos, in this order, in the album. */
export async function replaceAlbumPhotos(
  db: Kysely<DB>,
  albumId: number,
  photos: { mediaId: number; caption: string; altText: string }[],
): Promise<void> {
  await db.deleteFrom("album_photos").where("album_id", "=", albumId).execute();
  if (photos.length === 0) return;
  await db
    .insertInto("album_photos")
    .values(
      photos.map((p, i) => ({
        album_id: albumId,
        media_id: p.mediaId,
        caption: p.caption,
        alt_text: p.altText,
        sort_order: i + 1,
      })),
    )
    .execute();
}

/** The photos of these albums in order, with their files. */
export async function listAlbumPhotos(
  db: Kysely<DB>,
  albumIds: number[],
): Promise<Map<number, AlbumPhotoRow[]>> {
  const out = new Map<number, AlbumPhotoRow[]>();
  if (albumIds.length === 0) return out;
  const rows = await db
    .selectFrom("album_photos")
    .innerJoin("media", "media.id", "album_photos.media_id")
    .select((eb) => [
      "album_photos.album_id",
      "album_photos.media_id",
      "album_photos.caption",
      "album_photos.alt_text",
      "album_photos.sort_order",
      "media.storage_key",
      eb
        .selectFrom("media_variants")
        .select("media_variants.storage_key")
        .whereRef("media_variants.media_id", "=", "media.id")
        .orderBy("media_variants.width")
        .limit(1)
        .as("preview_key"),
    ])
    .where("album_photos.album_id", "in", albumIds)
    .orderBy("album_photos.album_id")
    .orderBy("album_photos.sort_order")
    .execute();
  for (const r of rows) {
    const list = out.get(r.album_id) ?? [];
    list.push({
      mediaId: r.media_id,
      caption: r.caption,
      altText: r.alt_text,
      sortOrder: Number(r.sort_order),
      storageKey: r.storage_key,
      previewKey: r.preview_key ?? r.storage_key,
    });
    out.set(r.album_id, list);
  }
  return out;
}

/** Albums of these units (`"all"`: every album), newest change first, for the editor's list. */
export async function listAlbumsOfUnits(db: Kysely<DB>, unitIds: number[] | "all"): Promise<AlbumRow[]> {
  if (unitIds !== "all" && unitIds.length === 0) return [];
  let query = albumQuery(db);
  if (unitIds !== "all") query = query.where("unit_id", "in", unitIds);
  const rows = await query.orderBy("updated_at", "desc").orderBy("id", "desc").limit(200).execute();
  return rows.map(toAlbum);
}

/** One page of published albums, newest first, and how many there are. */
export async function listPublishedAlbums(
  db: Kysely<DB>,
  page: { limit: number; offset: number },
): Promise<{ albums: AlbumRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    albumQuery(db)
      .where("published", "=", 1)
      .orderBy("published_at", "desc")
      .orderBy("id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom("albums")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("published", "=", 1)
      .executeTakeFirstOrThrow(),
  ]);
  return { albums: rows.map(toAlbum), total: Number(total.n) };
}
